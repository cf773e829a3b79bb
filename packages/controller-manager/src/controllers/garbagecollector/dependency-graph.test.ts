import type { OwnerReference } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { DependencyGraph, type ObservedObject } from './dependency-graph.js';

const ref = (uid: string, block = true): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: `rs-${uid}`,
  uid,
  controller: true,
  blockOwnerDeletion: block,
});
const obj = (
  uid: string,
  o: { owners?: OwnerReference[]; deleting?: boolean; finalizers?: string[] } = {},
): ObservedObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: uid,
    namespace: 'default',
    uid,
    ...(o.owners ? { ownerReferences: o.owners } : {}),
    ...(o.deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    ...(o.finalizers ? { finalizers: o.finalizers } : {}),
  },
});

describe('DependencyGraph', () => {
  it('links dependents to owners and checks dependents of owners it has not seen', () => {
    const g = new DependencyGraph();
    expect(g.upsert(obj('p1', { owners: [ref('rs')] })).attemptToDelete).toEqual(['p1']);
    expect(g.get('rs')?.observed).toBe(false);
    expect(
      g.upsert({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'rs-rs', namespace: 'default', uid: 'rs' },
      }).attemptToDelete,
    ).toEqual([]);
    expect([...(g.get('rs')?.dependents ?? [])]).toEqual(['p1']);
    expect(g.upsert(obj('p2', { owners: [ref('rs')] })).attemptToDelete).toEqual([]);
  });

  it('queues the dependents of a deleted owner', () => {
    const g = new DependencyGraph();
    g.upsert({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs-rs', namespace: 'default', uid: 'rs' },
    });
    g.upsert(obj('p1', { owners: [ref('rs')] }));
    expect(g.remove('rs').attemptToDelete).toEqual(['p1']);
    expect(g.remove('p1').attemptToDelete).toEqual([]);
    expect(g.get('rs')).toBeUndefined();
  });

  it('tracks foreground deletion and the blocking dependents', () => {
    const g = new DependencyGraph();
    g.upsert({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs-rs', namespace: 'default', uid: 'rs' },
    });
    g.upsert(obj('p1', { owners: [ref('rs')] }));
    g.upsert(obj('p2', { owners: [ref('rs', false)] }));
    const w = g.upsert({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'rs-rs',
        namespace: 'default',
        uid: 'rs',
        deletionTimestamp: 't',
        finalizers: ['foregroundDeletion'],
      },
    });
    expect(w.attemptToDelete.sort()).toEqual(['p1', 'p2', 'rs']);
    expect(g.blockingDependents('rs').map((n) => n.identity.uid)).toEqual(['p1']);
    expect(g.remove('p1').attemptToDelete).toEqual(['rs']);
  });

  it('asks to orphan the dependents of an owner deleted with the orphan finalizer', () => {
    const g = new DependencyGraph();
    expect(
      g.upsert({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: 'x',
          namespace: 'default',
          uid: 'rs',
          deletionTimestamp: 't',
          finalizers: ['orphan'],
        },
      }).attemptToOrphan,
    ).toEqual(['rs']);
  });
});
