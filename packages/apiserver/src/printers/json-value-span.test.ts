import { describe, expect, it } from 'vitest';
import { topLevelValueSpan } from './json-value-span.js';

function valueOf(text: string, key: string): unknown {
  const span = topLevelValueSpan(text, key);
  return span && JSON.parse(text.slice(span[0], span[1]));
}

describe('topLevelValueSpan', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    spec: { template: { metadata: { name: 'nested' } }, n: 3, ok: true, none: null },
    metadata: { name: 'web', annotations: { 'a"b': '}{][,"\\', metadata: 'x' } },
    status: {},
  };

  it('finds the top-level member, not a nested one of the same name that comes first', () => {
    expect(valueOf(JSON.stringify(pod), 'metadata')).toEqual(pod.metadata);
  });

  it('skips strings holding quotes, backslashes, braces and brackets', () => {
    expect(valueOf(JSON.stringify(pod), 'status')).toEqual({});
    expect(valueOf(JSON.stringify(pod), 'kind')).toBe('Pod');
  });

  it('reads literals and tolerates whitespace between tokens', () => {
    const text = ' { "a" : 12.5e3 , "b" :\n[ 1, {"c": [2]} ] , "d": false }';
    expect(valueOf(text, 'a')).toBe(12500);
    expect(valueOf(text, 'b')).toEqual([1, { c: [2] }]);
    expect(valueOf(text, 'd')).toBe(false);
  });

  it('is undefined for a missing member or a text that is not an object', () => {
    expect(topLevelValueSpan(JSON.stringify(pod), 'data')).toBeUndefined();
    expect(topLevelValueSpan('[{"metadata":{}}]', 'metadata')).toBeUndefined();
    expect(topLevelValueSpan('{}', 'metadata')).toBeUndefined();
  });
});
