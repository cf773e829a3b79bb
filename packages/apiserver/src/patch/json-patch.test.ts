import { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
import { REJECTED_REQUEST_MESSAGE } from './patch-errors.js';

const pod = () => ({
  metadata: { name: 'web', labels: { app: 'web', 'a/b': 'x', 'c~d': 'y' } },
  spec: {
    containers: [
      { name: 'a', image: 'nginx' },
      { name: 'b', image: 'redis' },
    ],
  },
});

type Path = (string | number)[];
const pick = (o: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], o);

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('applyJsonPatch: operations', () => {
  it.each<[string, unknown, Path, unknown]>([
    [
      'add a label',
      [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }],
      ['metadata', 'labels', 'tier'],
      'fe',
    ],
    [
      'add replaces an existing key',
      [{ op: 'add', path: '/metadata/labels/app', value: 'api' }],
      ['metadata', 'labels', 'app'],
      'api',
    ],
    [
      'add appends with -',
      [{ op: 'add', path: '/spec/containers/-', value: { name: 'c' } }],
      ['spec', 'containers', 2],
      { name: 'c' },
    ],
    [
      'add inserts at an index',
      [{ op: 'add', path: '/spec/containers/0', value: { name: 'z' } }],
      ['spec', 'containers', 0],
      { name: 'z' },
    ],
    [
      'add at index == length appends',
      [{ op: 'add', path: '/spec/containers/2', value: { name: 'c' } }],
      ['spec', 'containers', 2],
      { name: 'c' },
    ],
    [
      'negative index counts from the end',
      [{ op: 'add', path: '/spec/containers/-1', value: { name: 'n' } }],
      ['spec', 'containers', 2],
      { name: 'n' },
    ],
    [
      '~1 unescapes to /',
      [{ op: 'remove', path: '/metadata/labels/a~1b' }],
      ['metadata', 'labels'],
      { app: 'web', 'c~d': 'y' },
    ],
    [
      '~0 unescapes to ~',
      [{ op: 'replace', path: '/metadata/labels/c~0d', value: 'z' }],
      ['metadata', 'labels', 'c~d'],
      'z',
    ],
    [
      'remove an array element',
      [{ op: 'remove', path: '/spec/containers/0' }],
      ['spec', 'containers'],
      [{ name: 'b', image: 'redis' }],
    ],
    [
      'replace an image',
      [{ op: 'replace', path: '/spec/containers/1/image', value: 'redis:7' }],
      ['spec', 'containers', 1, 'image'],
      'redis:7',
    ],
    [
      'replace of a missing object key adds it (evanphx v4)',
      [{ op: 'replace', path: '/metadata/labels/new', value: 'v' }],
      ['metadata', 'labels', 'new'],
      'v',
    ],
    [
      'move',
      [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/role' }],
      ['metadata', 'labels'],
      { role: 'web', 'a/b': 'x', 'c~d': 'y' },
    ],
    [
      'copy',
      [{ op: 'copy', from: '/spec/containers/0', path: '/spec/containers/-' }],
      ['spec', 'containers', 2],
      { name: 'a', image: 'nginx' },
    ],
    [
      'test then replace',
      [
        { op: 'test', path: '/metadata/labels/app', value: 'web' },
        { op: 'replace', path: '/metadata/labels/app', value: 'x' },
      ],
      ['metadata', 'labels', 'app'],
      'x',
    ],
    [
      'test of a missing key against null passes',
      [{ op: 'test', path: '/metadata/nope', value: null }],
      ['metadata', 'name'],
      'web',
    ],
    [
      'test of the whole document',
      [{ op: 'test', path: '', value: pod() }],
      ['metadata', 'name'],
      'web',
    ],
    ['add without value adds null', [{ op: 'add', path: '/metadata/x' }], ['metadata', 'x'], null],
    ['a null body is no patch', null, [], pod()],
  ])('%s', (_name, patch, path, expected) => {
    expect(pick(applyJsonPatch(pod(), patch), path)).toEqual(expected);
  });

  it('replaces the whole document with path ""', () => {
    expect(applyJsonPatch(pod(), [{ op: 'replace', path: '', value: { kind: 'X' } }])).toEqual({
      kind: 'X',
    });
  });

  it('never modifies the original nor aliases the patch values', () => {
    const original = pod();
    const value = { name: 'c', env: [] as unknown[] };
    const out = applyJsonPatch(original, [{ op: 'add', path: '/spec/containers/-', value }]);
    (pick(out, ['spec', 'containers', 2, 'env']) as unknown[]).push(1);
    expect(original).toEqual(pod());
    expect(value.env).toEqual([]);
  });
});

describe('applyJsonPatch: errors', () => {
  it.each([
    [
      'failed test',
      [{ op: 'test', path: '/metadata/labels/app', value: 'api' }],
      'testing value /metadata/labels/app failed: test failed',
    ],
    [
      'missing parent path',
      [{ op: 'add', path: '/spec/nope/x', value: 1 }],
      'add operation does not apply: doc is missing path: "/spec/nope/x": missing value',
    ],
    [
      'remove of a missing key',
      [{ op: 'remove', path: '/metadata/nope' }],
      "error in remove for path: '/metadata/nope': Unable to remove nonexistent key: nope: missing value",
    ],
    [
      'index out of range',
      [{ op: 'remove', path: '/spec/containers/5' }],
      "error in remove for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced",
    ],
    [
      'replace out of range',
      [{ op: 'replace', path: '/spec/containers/9', value: {} }],
      'replace operation does not apply: doc is missing key: /spec/containers/9: missing value',
    ],
    [
      'non-numeric index',
      [{ op: 'add', path: '/spec/containers/x', value: 1 }],
      `error in add for path: '/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    ],
    [
      'a path without leading slash on the root',
      [{ op: 'add', path: '', value: 1 }],
      'add operation does not apply: doc is missing path: "": missing value',
    ],
    ['unknown op', [{ op: 'frobnicate', path: '/a' }], 'Unexpected kind: frobnicate'],
    ['missing op', [{ path: '/a' }], 'Unexpected kind: unknown'],
    ['missing path', [{ op: 'remove' }], 'remove operation failed to decode path: missing value'],
    [
      'move from a missing parent',
      [{ op: 'move', from: '/x/y', path: '/z' }],
      'move operation does not apply: doc is missing from path: /x/y: missing value',
    ],
  ])('%s → 422 Invalid with the cause kept off the wire', (_name, patch, cause) => {
    const err = failure(() => applyJsonPatch(pod(), patch));
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: REJECTED_REQUEST_MESSAGE,
      reason: 'Invalid',
      details: {},
      code: 422,
    });
    expect((err.cause as Error).message).toBe(cause);
  });

  it.each([
    [{ op: 'add' }, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['x', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [[1], 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
  ])('an undecodable body %j → 400 BadRequest', (patch, message) => {
    const err = failure(() => applyJsonPatch(pod(), patch));
    expect([err.code, err.reason, err.message]).toEqual([400, 'BadRequest', message]);
  });

  it('more than 10000 operations → 413', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({
      op: 'test',
      path: '/metadata',
    }));
    const err = failure(() => applyJsonPatch(pod(), ops));
    expect([err.code, err.reason, err.message]).toEqual([
      413,
      'RequestEntityTooLarge',
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    ]);
  });

  it('a failing operation leaves the original untouched', () => {
    const original = pod();
    failure(() =>
      applyJsonPatch(original, [
        { op: 'remove', path: '/metadata/labels' },
        { op: 'test', path: '/metadata/name', value: 'other' },
      ]),
    );
    expect(original).toEqual(pod());
  });
});
