import { describe, expect, it } from 'vitest';
import { encodeObject, withResourceVersion } from './resource-version.js';

describe('withResourceVersion', () => {
  it('places resourceVersion right after uid whatever the input order', () => {
    const a = encodeObject(
      { metadata: { resourceVersion: '1', name: 'x', uid: 'u', labels: {} } },
      7,
    );
    const b = encodeObject({ metadata: { name: 'x', uid: 'u', labels: {} } }, 7);
    expect(a).toBe('{"metadata":{"name":"x","uid":"u","resourceVersion":"7","labels":{}}}');
    expect(b).toBe(a);
  });

  it('adds metadata when missing and leaves the input untouched', () => {
    const input = { kind: 'Pod' };
    expect(withResourceVersion(input, '3')).toEqual({
      kind: 'Pod',
      metadata: { resourceVersion: '3' },
    });
    expect(input).toEqual({ kind: 'Pod' });
  });
});
