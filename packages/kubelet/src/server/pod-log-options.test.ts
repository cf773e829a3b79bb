import { describe, expect, it } from 'vitest';
import { logsSince, parsePodLogOptions } from './pod-log-options.js';

const parse = (q: string) => parsePodLogOptions(new URLSearchParams(q));

describe('parsePodLogOptions', () => {
  it('reads every PodLogOptions field the apiserver forwards', () => {
    expect(parse('follow=true&previous=1&timestamps=True&tailLines=10&limitBytes=500&sinceTime=2026-11-27T23:07:03Z')).toEqual({
      options: {
        follow: true,
        previous: true,
        timestamps: true,
        tailLines: 10,
        limitBytes: 500,
        sinceTime: new Date('2026-11-27T23:07:03Z'),
      },
    });
    expect(parse('')).toEqual({ options: { follow: false, previous: false, timestamps: false } });
  });

  it('keeps the old tail parameter working', () => {
    expect(parse('tail=5')).toMatchObject({ options: { tailLines: 5 } });
    expect(parse('tail=all&tailLines=5')).toEqual({ options: { follow: false, previous: false, timestamps: false } });
  });

  it('refuses values it cannot decode', () => {
    expect(parse('follow=yes')).toEqual({ code: 400, message: 'Unable to decode query.' });
    expect(parse('tailLines=ten')).toEqual({ code: 400, message: 'Unable to decode query.' });
    expect(parse('sinceTime=yesterday')).toEqual({ code: 400, message: 'Unable to decode query.' });
  });

  it('refuses invalid combinations as ValidatePodLogOptions does', () => {
    expect(parse('tailLines=-1')).toEqual({ code: 422, message: 'Invalid request.' });
    expect(parse('limitBytes=0')).toEqual({ code: 422, message: 'Invalid request.' });
    expect(parse('sinceSeconds=0')).toEqual({ code: 422, message: 'Invalid request.' });
    expect(parse('sinceSeconds=5&sinceTime=2026-11-27T23:07:03Z')).toEqual({ code: 422, message: 'Invalid request.' });
  });
});

describe('logsSince', () => {
  it('counts sinceSeconds back from now', () => {
    const opts = { follow: false, previous: false, timestamps: false, sinceSeconds: 60 };
    expect(logsSince(opts, Date.parse('2026-11-27T23:08:00Z'))).toEqual(new Date('2026-11-27T23:07:00Z'));
    expect(logsSince({ follow: false, previous: false, timestamps: false }, 0)).toBeUndefined();
  });
});
