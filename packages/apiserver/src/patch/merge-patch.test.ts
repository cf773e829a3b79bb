import { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.js';

describe('applyMergePatch', () => {
  it.each([
    [
      'adds a label',
      { metadata: { labels: { a: '1' } } },
      { metadata: { labels: { env: 'prod' } } },
      { metadata: { labels: { a: '1', env: 'prod' } } },
    ],
    [
      'null deletes a label',
      { metadata: { labels: { a: '1', env: 'prod' } } },
      { metadata: { labels: { env: null } } },
      { metadata: { labels: { a: '1' } } },
    ],
    ['null of a missing key is a no-op', { a: 1 }, { b: null }, { a: 1 }],
    [
      'scale sets replicas',
      { spec: { replicas: 1, x: 2 } },
      { spec: { replicas: 3 } },
      { spec: { replicas: 3, x: 2 } },
    ],
    ['lists are replaced whole', { l: [1, 2, 3] }, { l: [4] }, { l: [4] }],
    ['a scalar replaces an object', { a: { b: 1 } }, { a: 'x' }, { a: 'x' }],
    [
      'an object replaces a scalar, nulls pruned',
      { a: 'x' },
      { a: { b: 1, c: null } },
      { a: { b: 1 } },
    ],
    [
      'a new object is taken without its nulls',
      {},
      { a: { b: null, c: { d: null, e: 1 } } },
      { a: { c: { e: 1 } } },
    ],
    [
      'arrays keep null elements but prune nulls in their objects',
      {},
      { a: [null, { b: null, c: 1 }] },
      { a: [null, { c: 1 }] },
    ],
    [
      'an array patch over an object keeps its nulls (evanphx quirk)',
      { a: { b: 1 } },
      { a: [{ c: null }] },
      { a: [{ c: null }] },
    ],
    [
      'RFC 7386 example',
      {
        title: 'Goodbye!',
        author: { givenName: 'John', familyName: 'Doe' },
        tags: ['example', 'sample'],
        content: 'This will be unchanged',
      },
      {
        title: 'Hello!',
        phoneNumber: '+01-123-456-7890',
        author: { familyName: null },
        tags: ['example'],
      },
      {
        title: 'Hello!',
        author: { givenName: 'John' },
        tags: ['example'],
        content: 'This will be unchanged',
        phoneNumber: '+01-123-456-7890',
      },
    ],
    ['an empty patch changes nothing', { a: 1 }, {}, { a: 1 }],
  ])('%s', (_name, original, patch, expected) => {
    expect(applyMergePatch(original, patch)).toEqual(expected);
  });

  it('returns a copy and leaves original and patch alone', () => {
    const original = { metadata: { labels: { a: '1' } }, spec: { l: [1] } };
    const patch = { metadata: { labels: { b: '2' } }, spec: { m: { x: [1] } } };
    const out = applyMergePatch(original, patch) as { spec: { m: { x: number[] }; l: number[] } };
    out.spec.m.x.push(2);
    out.spec.l.push(2);
    expect(original).toEqual({ metadata: { labels: { a: '1' } }, spec: { l: [1] } });
    expect(patch.spec.m.x).toEqual([1]);
  });

  it('an array patch becomes the document (rejected later as not an object)', () => {
    expect(applyMergePatch({ a: 1 }, [{ b: null }, null])).toEqual([{}, null]);
  });

  it.each([null, 'x', 3, true])('a %j patch → 400 Invalid JSON Patch', (patch) => {
    let err: unknown;
    try {
      applyMergePatch({ a: 1 }, patch);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect([(err as ApiError).code, (err as ApiError).message]).toEqual([
      400,
      'Invalid JSON Patch',
    ]);
  });
});
