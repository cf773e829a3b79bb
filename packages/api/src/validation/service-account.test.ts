import { describe, expect, it } from 'vitest';
import { serviceAccountValidation } from './service-account.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

describe('service account validation', () => {
  it('checks metadata only', () => {
    expect(strs(serviceAccountValidation.create({ metadata: { name: 'default', namespace: 'default' } }))).toEqual([]);
    expect(strs(serviceAccountValidation.create({ metadata: { name: 'default' } }))).toEqual(['metadata.namespace: Required value']);
    const old = { metadata: { name: 'a', namespace: 'd', resourceVersion: '1', uid: 'u' } };
    expect(strs(serviceAccountValidation.update({ metadata: { ...old.metadata, uid: 'v' } }, old))).toEqual([
      'metadata.uid: Invalid value: "v": field is immutable',
    ]);
  });
});
