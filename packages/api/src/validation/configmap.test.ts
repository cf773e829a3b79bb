import type { ConfigMap } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { configMapValidation } from './configmap.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const cm = (extra: Partial<ConfigMap> = {}): ConfigMap => ({
  metadata: { name: 'cfg', namespace: 'default', resourceVersion: '1' },
  ...extra,
});

describe('configmap validation', () => {
  it.each<[string, Partial<ConfigMap>, string[]]>([
    ['valid keys', { data: { 'app.properties': 'a=1' }, binaryData: { blob: 'AAE=' } }, []],
    ['a key in both maps', { data: { k: 'v' }, binaryData: { k: 'AA==' } }, ['data[k]: Invalid value: "k": duplicate of key present in binaryData']],
    ['a slash in a key', { data: { 'a/b': 'v' } }, [expect.stringMatching(/^data\[a\/b\]: Invalid value: "a\/b": a valid config key/)]],
    ['too much data', { data: { big: 'x'.repeat(1024 * 1024 + 1) } }, ['Too long: may not be more than 1048576 bytes']],
  ])('%s', (_name, extra, want) => {
    expect(strs(configMapValidation.create(cm(extra)))).toEqual(want);
  });

  it('freezes an immutable config map', () => {
    const old = cm({ immutable: true, data: { a: '1' } });
    expect(strs(configMapValidation.update(cm({ data: { a: '2' } }), old))).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
