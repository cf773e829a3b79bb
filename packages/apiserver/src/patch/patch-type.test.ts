import { describe, expect, it } from 'vitest';
import { patchTypeFromContentType, unsupportedPatchContentType } from './patch-type.js';

describe('patchTypeFromContentType', () => {
  it.each([
    ['application/json-patch+json', 'json'],
    ['application/merge-patch+json', 'merge'],
    ['application/strategic-merge-patch+json', 'strategic'],
    ['application/strategic-merge-patch+json; charset=utf-8', 'strategic'],
    ['application/apply-patch+yaml', 'apply'],
    ['application/json', undefined],
    ['application/apply-patch+cbor', undefined],
    ['', undefined],
  ])('%j → %s', (ct, type) => {
    expect(patchTypeFromContentType(ct)).toBe(type);
  });
});

describe('unsupportedPatchContentType', () => {
  it('answers 415 listing the accepted media types in upstream order', () => {
    expect(unsupportedPatchContentType().toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'the body of the request was in an unknown format - accepted media types include: ' +
        'application/json-patch+json, application/merge-patch+json, ' +
        'application/strategic-merge-patch+json, application/apply-patch+yaml',
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  });
});
