import { describe, expect, it } from 'vitest';
import { nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const ns = { namespaced: true, nameValidator: nameIsDNSSubdomain };
const cluster = { namespaced: false, nameValidator: nameIsDNSLabel };

describe('validateObjectMeta', () => {
  it.each([
    [{ name: 'web', namespace: 'default' }, ns, []],
    [{ generateName: 'web-', namespace: 'default' }, ns, []],
    [{ namespace: 'default' }, ns, ['metadata.name: Required value: name or generateName is required']],
    [{ name: 'web' }, ns, ['metadata.namespace: Required value']],
    [{ name: 'web', namespace: 'x' }, cluster, ['metadata.namespace: Forbidden: not allowed on this type']],
    [
      { name: 'Web', namespace: 'default' },
      ns,
      [
        "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    [
      { name: 'w', namespace: 'default', labels: { '-a': 'b' } },
      ns,
      [expect.stringMatching(/^metadata\.labels: Invalid value: "-a": name part must consist/)],
    ],
    [
      { name: 'w', namespace: 'default', annotations: { 'A_B/c': 'x' } },
      ns,
      [expect.stringMatching(/^metadata\.annotations: Invalid value: "A_B\/c": prefix part a lowercase RFC 1123 subdomain/)],
    ],
    [
      { name: 'w', namespace: 'default', finalizers: ['custom'] },
      ns,
      ['metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified'],
    ],
    [
      { name: 'w', namespace: 'default', finalizers: ['orphan', 'foregroundDeletion'] },
      ns,
      ['metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set'],
    ],
    [
      { name: 'w', namespace: 'default', ownerReferences: [{ apiVersion: '', kind: 'X', name: 'a', uid: 'u' }] },
      ns,
      ['metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty'],
    ],
    [
      {
        name: 'w',
        namespace: 'default',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'u1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: 'u2', controller: true },
        ],
      },
      ns,
      [expect.stringMatching(/Only one reference can have Controller set to true. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/)],
    ],
    [{ name: 'w', namespace: 'default', generation: -1 }, ns, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
  ])('%j', (meta, opts, want) => {
    expect(strs(validateObjectMeta(meta, opts))).toEqual(want);
  });
});

it('limits the total annotation size to 256 KiB', () => {
  const annotations = { big: 'x'.repeat(256 * 1024) };
  expect(strs(validateObjectMeta({ name: 'w', namespace: 'default', annotations }, ns))).toEqual([
    'metadata.annotations: Too long: may not be more than 262144 bytes',
  ]);
});

describe('validateObjectMetaUpdate', () => {
  const old = { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', generation: 2 };

  it('accepts an unchanged identity', () => {
    expect(validateObjectMetaUpdate({ ...old, labels: { a: 'b' } }, old)).toEqual([]);
  });

  it.each([
    [{ ...old, uid: 'u2' }, ['metadata.uid: Invalid value: "u2": field is immutable']],
    [{ ...old, name: 'db' }, ['metadata.name: Invalid value: "db": field is immutable']],
    [{ ...old, namespace: 'kube-system' }, ['metadata.namespace: Invalid value: "kube-system": field is immutable']],
    [{ ...old, resourceVersion: '' }, ['metadata.resourceVersion: Invalid value: "": must be specified for an update']],
    [{ ...old, generation: 1 }, ['metadata.generation: Invalid value: 1: must not be decremented']],
  ])('%j', (meta, want) => {
    expect(strs(validateObjectMetaUpdate(meta, old))).toEqual(want);
  });

  it('forbids new finalizers once deletion started', () => {
    const deleting = { ...old, deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['a.io/x'] };
    expect(strs(validateObjectMetaUpdate({ ...deleting, finalizers: ['a.io/x', 'b.io/y'] }, deleting))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
  });
});
