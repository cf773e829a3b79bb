import type { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  applyRetainKeysDirective,
  decodeClean,
  extractKey,
  handleDirectiveInMergeMap,
  takePatchValue,
} from './directives.js';

describe('handleDirectiveInMergeMap', () => {
  it('replace yields the patch without directives', () => {
    expect(handleDirectiveInMergeMap('replace', { $patch: 'replace', a: 1, b: null })).toEqual({
      a: 1,
    });
  });
  it('delete yields an empty map', () => {
    expect(handleDirectiveInMergeMap('delete', { $patch: 'delete', a: 1 })).toEqual({});
  });
  it('anything else is an unknown patch type (500)', () => {
    expect(() => handleDirectiveInMergeMap(true, { $patch: true })).toThrow(
      'unknown patch type: %!s(bool=true) in map: map[$patch:true]',
    );
  });
});

describe('extractKey', () => {
  it.each([
    ['$setElementOrder/containers', '$setElementOrder', 'containers'],
    ['$deleteFromPrimitiveList/finalizers', '$deleteFromPrimitiveList', 'finalizers'],
    ['$setElementOrder/a/b', '$setElementOrder', 'a/b'],
  ])('%s', (key, prefix, out) => {
    expect(extractKey(key, prefix)).toBe(out);
  });
  it.each([
    ['$setElementOrderX/a', '$setElementOrder', 'invalid patch format of setElementOrder list'],
    [
      '$deleteFromPrimitiveList',
      '$deleteFromPrimitiveList',
      'invalid patch format of primitive list',
    ],
  ])('%s → 400', (key, prefix, message) => {
    let err: unknown;
    try {
      extractKey(key, prefix);
    } catch (e) {
      err = e;
    }
    expect([(err as ApiError).code, (err as ApiError).message]).toEqual([400, message]);
  });
});

describe('applyRetainKeysDirective', () => {
  it('clears keys missing from the list and ignores nulls and parallel lists in the check', () => {
    const original = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 }, other: 1 };
    applyRetainKeysDirective(original, {
      $retainKeys: ['type', 'other'],
      type: 'Recreate',
      rollingUpdate: null,
      '$setElementOrder/x': [],
    });
    expect(original).toEqual({ type: 'RollingUpdate', other: 1 });
  });
  it('does nothing without the directive', () => {
    const original = { a: 1 };
    applyRetainKeysDirective(original, { b: 2 });
    expect(original).toEqual({ a: 1 });
  });
});

describe('values taken from the patch', () => {
  const value = {
    a: null,
    b: [null, { c: null, $patch: 'delete' }, { d: 1, $retainKeys: ['d'] }],
    e: { $patch: 'replace', f: 1 },
  };
  it('takePatchValue drops nulls, directive keys and maps carrying $patch', () => {
    expect(takePatchValue(value)).toEqual({ b: [null, { d: 1 }] });
    expect(takePatchValue({ $patch: 'delete' })).toBeUndefined();
  });
  it('decodeClean keeps such maps but drops their directive keys', () => {
    expect(decodeClean(value)).toEqual({ b: [null, {}, { d: 1 }], e: { f: 1 } });
  });
  it('copies instead of aliasing', () => {
    const src = { l: [1] };
    const out = decodeClean(src) as { l: number[] };
    out.l.push(2);
    expect(src.l).toEqual([1]);
  });
});
