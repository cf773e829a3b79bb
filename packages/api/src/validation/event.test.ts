import type { Event } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { eventValidation } from './event.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const ev = (ns: string, ioNs: string | undefined, extra: Partial<Event> = {}): Event => ({
  metadata: { name: 'e1', namespace: ns },
  involvedObject: { kind: 'Pod', name: 'web', ...(ioNs === undefined ? {} : { namespace: ioNs }) },
  ...extra,
});

describe('event validation', () => {
  it.each<[string, Event, string[]]>([
    ['a matching namespace', ev('default', 'default'), []],
    ['a cluster-scoped object in default', ev('default', undefined), []],
    ['a mismatched namespace', ev('a', 'b'), ['involvedObject.namespace: Invalid value: "b": does not match event.namespace']],
    ['a cluster-scoped object in another namespace', ev('a', undefined), ['involvedObject.namespace: Invalid value: "": does not match event.namespace']],
    [
      'a new-style event without reporting fields',
      ev('default', 'default', { eventTime: '2024-01-01T00:00:00.000000Z' }),
      [
        'reportingController: Required value',
        expect.stringMatching(/^reportingController: Invalid value: "": name part must be non-empty$/),
        expect.stringMatching(/^reportingController: Invalid value: "": name part must consist/),
        'reportingInstance: Required value',
        'action: Required value',
        'reason: Required value',
      ],
    ],
  ])('%s', (_name, e, want) => {
    expect(strs(eventValidation.create(e))).toEqual(want);
  });
});
