import type { OwnerReference } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { decideDeletion, ownerState } from './classify-owners.js';

const ref = (uid: string): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: uid,
  uid,
  blockOwnerDeletion: true,
});
const none = { count: 0, anyDeletingDependents: false };

describe('garbage collector decisions', () => {
  it('classifies owners from what the API returned', () => {
    expect(ownerState(ref('a'), undefined)).toBe('dangling');
    expect(ownerState(ref('a'), { metadata: { uid: 'other' } })).toBe('dangling');
    expect(ownerState(ref('a'), { metadata: { uid: 'a' } })).toBe('solid');
    expect(
      ownerState(ref('a'), {
        metadata: { uid: 'a', deletionTimestamp: 't', finalizers: ['orphan'] },
      }),
    ).toBe('solid');
    expect(
      ownerState(ref('a'), {
        metadata: { uid: 'a', deletionTimestamp: 't', finalizers: ['foregroundDeletion'] },
      }),
    ).toBe('waitingForDependentsDeletion');
  });

  it('keeps an item with a solid owner and drops its dangling references', () => {
    expect(decideDeletion({}, [{ ref: ref('a'), state: 'solid' }], none)).toEqual({
      action: 'none',
    });
    expect(
      decideDeletion(
        {},
        [
          { ref: ref('a'), state: 'solid' },
          { ref: ref('b'), state: 'dangling' },
        ],
        none,
      ),
    ).toEqual({
      action: 'removeOwnerReferences',
      uids: ['b'],
    });
  });

  it('deletes an item whose owners are all gone, honouring its own finalizers', () => {
    expect(decideDeletion({}, [{ ref: ref('a'), state: 'dangling' }], none)).toEqual({
      action: 'delete',
      policy: 'Background',
    });
    expect(
      decideDeletion(
        { metadata: { finalizers: ['orphan'] } },
        [{ ref: ref('a'), state: 'dangling' }],
        none,
      ),
    ).toEqual({ action: 'delete', policy: 'Orphan' });
    expect(
      decideDeletion(
        { metadata: { finalizers: ['foregroundDeletion'] } },
        [{ ref: ref('a'), state: 'dangling' }],
        none,
      ),
    ).toEqual({
      action: 'delete',
      policy: 'Foreground',
    });
  });

  it('propagates foreground deletion to items that have dependents of their own', () => {
    const waiting = [{ ref: ref('d'), state: 'waitingForDependentsDeletion' as const }];
    expect(decideDeletion({}, waiting, { count: 3, anyDeletingDependents: false })).toEqual({
      action: 'deleteForeground',
      unblock: false,
    });
    expect(decideDeletion({}, waiting, { count: 3, anyDeletingDependents: true })).toEqual({
      action: 'deleteForeground',
      unblock: true,
    });
    expect(decideDeletion({}, waiting, none)).toEqual({ action: 'delete', policy: 'Background' });
  });
});
