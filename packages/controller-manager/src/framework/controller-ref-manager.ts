/**
 * ControllerRefManager (pkg/controller/controller_ref_manager.go): a controller claims the
 * objects its selector matches. It keeps those it owns, adopts matching orphans (unless it is
 * being deleted), and releases owned objects whose labels no longer match.
 */
import {
  isConflict,
  isNotFound,
  type LabelSelectorMatcher,
  type ObjectMeta,
  type OwnerReference,
} from '@kubelab/api';
import type { KubeObject, ResourceClient } from '@kubelab/api/client';
import { getControllerOf } from './controller-ref.js';

export type ClaimAction = 'keep' | 'adopt' | 'release' | 'ignore';

export interface ClaimOwner {
  metadata?: ObjectMeta;
}

/** The pure decision for one object. */
export function claimDecision(
  owner: ClaimOwner,
  selector: LabelSelectorMatcher,
  obj: KubeObject,
): ClaimAction {
  const ref = getControllerOf(obj);
  const matches = selector.matches(obj.metadata?.labels);
  if (ref) {
    if (ref.uid !== owner.metadata?.uid) return 'ignore';
    if (matches) return 'keep';
    // Owned but no longer selected: let go, unless the owner is going away anyway.
    return owner.metadata?.deletionTimestamp ? 'ignore' : 'release';
  }
  if (owner.metadata?.deletionTimestamp || !matches) return 'ignore';
  if (obj.metadata?.deletionTimestamp) return 'ignore';
  return 'adopt';
}

export interface ClaimOptions<T extends KubeObject> {
  owner: ClaimOwner;
  controllerRef: OwnerReference;
  selector: LabelSelectorMatcher;
  /** Client for the claimed objects in the owner's namespace. */
  client: ResourceClient<T>;
  /** A fresh read of the owner: adoption stops if it is being deleted or was replaced (canAdopt). */
  recheckOwner: () => Promise<ClaimOwner | undefined>;
}

async function updateOwnerRefs<T extends KubeObject>(
  client: ResourceClient<T>,
  obj: T,
  change: (refs: OwnerReference[]) => OwnerReference[] | undefined,
): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    let fresh: T;
    try {
      fresh = await client.get(obj.metadata?.name ?? '');
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    if (fresh.metadata?.uid !== obj.metadata?.uid) return undefined;
    const next = change([...(fresh.metadata?.ownerReferences ?? [])]);
    if (!next) return undefined;
    const meta: ObjectMeta = { ...fresh.metadata, ownerReferences: next };
    if (next.length === 0) delete meta.ownerReferences;
    try {
      return await client.update({ ...fresh, metadata: meta });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      if (!isConflict(err) || attempt >= 4) throw err;
    }
  }
}

/** Claims the objects; returns those now owned by the owner (kept and adopted). */
export async function claimObjects<T extends KubeObject>(
  opts: ClaimOptions<T>,
  objects: T[],
): Promise<T[]> {
  const claimed: T[] = [];
  let canAdopt: boolean | undefined;
  for (const obj of objects) {
    const action = claimDecision(opts.owner, opts.selector, obj);
    if (action === 'keep') claimed.push(obj);
    if (action === 'adopt') {
      if (canAdopt === undefined) {
        const fresh = await opts.recheckOwner();
        canAdopt =
          !!fresh &&
          fresh.metadata?.uid === opts.owner.metadata?.uid &&
          !fresh.metadata?.deletionTimestamp;
      }
      if (!canAdopt) continue;
      const adopted = await updateOwnerRefs(opts.client, obj, (refs) => {
        if (refs.some((r) => r.controller === true)) return undefined;
        return [...refs.filter((r) => r.uid !== opts.controllerRef.uid), opts.controllerRef];
      });
      if (adopted) claimed.push(adopted);
    }
    if (action === 'release') {
      await updateOwnerRefs(opts.client, obj, (refs) => {
        const next = refs.filter((r) => r.uid !== opts.owner.metadata?.uid);
        return next.length === refs.length ? undefined : next;
      });
    }
  }
  return claimed;
}
