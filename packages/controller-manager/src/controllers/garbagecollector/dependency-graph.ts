/**
 * The garbage collector's view of ownership (pkg/controller/garbagecollector/graph.go and
 * graph_builder.go): a node per observed object, linked to its owners and dependents, and the
 * work each change implies: items to check for deletion, owners whose dependents to orphan.
 */
import type { ObjectMeta, OwnerReference } from '@kubelab/api';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
}

export interface GraphNode {
  identity: ObjectIdentity;
  owners: OwnerReference[];
  dependents: Set<string>;
  beingDeleted: boolean;
  /** Being deleted in the foreground: waits for its blocking dependents. */
  deletingDependents: boolean;
  /** False for an owner only known from a dependent's reference. */
  observed: boolean;
}

export interface GraphWork {
  attemptToDelete: string[];
  attemptToOrphan: string[];
}

export interface ObservedObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

function placeholder(ref: OwnerReference, namespace: string): GraphNode {
  return {
    identity: {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      namespace,
      name: ref.name,
      uid: ref.uid,
    },
    owners: [],
    dependents: new Set(),
    beingDeleted: false,
    deletingDependents: false,
    observed: false,
  };
}

export class DependencyGraph {
  readonly nodes = new Map<string, GraphNode>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** The dependents of `uid` whose reference to it blocks its deletion. */
  blockingDependents(uid: string): GraphNode[] {
    const owner = this.nodes.get(uid);
    if (!owner) return [];
    return [...owner.dependents]
      .map((d) => this.nodes.get(d))
      .filter(
        (d): d is GraphNode =>
          !!d && d.owners.some((r) => r.uid === uid && r.blockOwnerDeletion === true),
      );
  }

  private unlink(dependent: string, ref: OwnerReference, work: GraphWork): void {
    const owner = this.nodes.get(ref.uid);
    if (!owner) return;
    owner.dependents.delete(dependent);
    if (owner.deletingDependents) work.attemptToDelete.push(owner.identity.uid);
    if (!owner.observed && owner.dependents.size === 0) this.nodes.delete(ref.uid);
  }

  /** An object was added or changed. */
  upsert(obj: ObservedObject): GraphWork {
    const work: GraphWork = { attemptToDelete: [], attemptToOrphan: [] };
    const m = obj.metadata;
    const uid = m.uid ?? '';
    const refs = m.ownerReferences ?? [];
    const prev = this.nodes.get(uid);
    const node: GraphNode =
      prev ??
      placeholder(
        { apiVersion: obj.apiVersion, kind: obj.kind, name: m.name ?? '', uid },
        m.namespace ?? '',
      );
    node.identity = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      namespace: m.namespace ?? '',
      name: m.name ?? '',
      uid,
    };
    const before = prev?.observed ? prev.owners : [];
    node.observed = true;
    this.nodes.set(uid, node);
    for (const old of before) {
      const still = refs.find((r) => r.uid === old.uid);
      if (!still) this.unlink(uid, old, work);
      else if (old.blockOwnerDeletion === true && still.blockOwnerDeletion !== true) {
        const owner = this.nodes.get(old.uid);
        if (owner?.deletingDependents) work.attemptToDelete.push(owner.identity.uid);
      }
    }
    for (const ref of refs) {
      let owner = this.nodes.get(ref.uid);
      if (!owner) {
        owner = placeholder(ref, m.namespace ?? '');
        this.nodes.set(ref.uid, owner);
      }
      owner.dependents.add(uid);
      // An owner nobody has seen may be gone: check this dependent against the API.
      if (!owner.observed && !before.some((b) => b.uid === ref.uid)) work.attemptToDelete.push(uid);
    }
    node.owners = refs;
    const finalizers = m.finalizers ?? [];
    const deleting = !!m.deletionTimestamp;
    node.beingDeleted = deleting;
    const foreground = deleting && finalizers.includes(FINALIZER_FOREGROUND);
    if (deleting && finalizers.includes(FINALIZER_ORPHAN)) work.attemptToOrphan.push(uid);
    if (foreground) {
      node.deletingDependents = true;
      work.attemptToDelete.push(uid, ...node.dependents);
    } else node.deletingDependents = false;
    return work;
  }

  /** An object is gone: its dependents lost an owner; owners waiting on it may proceed. */
  remove(uid: string): GraphWork {
    const work: GraphWork = { attemptToDelete: [], attemptToOrphan: [] };
    const node = this.nodes.get(uid);
    if (!node) return work;
    for (const ref of node.owners) this.unlink(uid, ref, work);
    work.attemptToDelete.push(...node.dependents);
    if (node.dependents.size > 0) {
      // Keep a placeholder so that dependents still find (and re-check) their owner.
      node.observed = false;
      node.owners = [];
      node.beingDeleted = false;
      node.deletingDependents = false;
    } else this.nodes.delete(uid);
    return work;
  }
}
