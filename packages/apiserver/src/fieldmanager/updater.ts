/**
 * Ownership bookkeeping of one write (sigs.k8s.io/structured-merge-diff merge.Updater), for a
 * single API version: an update takes the fields it changed away from every other manager; an
 * apply merges the configuration, prunes what the applier owned before and no longer sets
 * (unless someone else owns it), and fails with conflicts when it changes another manager's
 * fields, unless forced. `ignored` are the fields the strategy resets (status on the main
 * resource, spec on status), which nobody owns.
 */
import { compareValues, excludeFields, isSame } from './compare.js';
import type { Comparison } from './compare.js';
import { FieldSet } from './field-set.js';
import type { Managed, VersionedSet } from './managed-fields.js';
import { copyManaged } from './managed-fields.js';
import { mergeValues } from './merge.js';
import type { FieldPath } from './path-element.js';
import { removeItems } from './remove-items.js';
import { toFieldSet } from './to-field-set.js';
import type { TypeNode } from './type-schema.js';

export interface Conflict {
  /** The manager identifier of the current owner. */
  readonly manager: string;
  readonly path: FieldPath;
}

export class ConflictsError extends Error {
  constructor(readonly conflicts: readonly Conflict[]) {
    super(`${conflicts.length} conflict(s)`);
  }
}

export interface UpdaterOptions {
  readonly type: TypeNode;
  readonly apiVersion: string;
  readonly ignored?: FieldSet;
}

/** What another manager loses to this write; throws ConflictsError when not forced. */
function takeOwnership(
  opts: UpdaterOptions,
  oldObj: unknown,
  newObj: unknown,
  managed: Managed,
  workflow: string,
  force: boolean,
): Comparison {
  const compare = excludeFields(compareValues(oldObj, newObj, opts.type), opts.ignored);
  const changed = compare.modified.union(compare.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, vs] of managed.fields) {
    if (manager === workflow) continue;
    const conflict = vs.set.intersection(changed);
    if (!conflict.isEmpty()) conflicts.set(manager, conflict);
  }
  if (!force && conflicts.size > 0) {
    const list: Conflict[] = [];
    for (const manager of [...conflicts.keys()].sort()) {
      for (const path of (conflicts.get(manager) as FieldSet).paths()) list.push({ manager, path });
    }
    throw new ConflictsError(list);
  }
  for (const [manager, vs] of managed.fields) {
    if (manager === workflow) continue;
    let set = vs.set;
    const conflict = conflicts.get(manager);
    if (conflict) set = set.difference(conflict);
    if (!compare.removed.isEmpty()) set = set.difference(compare.removed);
    if (set.isEmpty()) managed.fields.delete(manager);
    else if (set !== vs.set) managed.fields.set(manager, { ...vs, set });
  }
  return compare;
}

/** Updater.Update: `manager` owns what it added or modified on top of what it owned. */
export function updateOwnership(opts: UpdaterOptions, liveObj: unknown, newObj: unknown, managed: Managed, manager: string): Managed {
  const out = copyManaged(managed);
  const compare = takeOwnership(opts, liveObj, newObj, out, manager, true);
  const previous = out.fields.get(manager)?.set;
  let set = (previous ? previous.union(compare.modified) : compare.modified).union(compare.added).difference(compare.removed);
  if (opts.ignored) set = set.recursiveDifference(opts.ignored);
  if (set.isEmpty()) out.fields.delete(manager);
  else out.fields.set(manager, { set, apiVersion: opts.apiVersion, applied: false });
  return out;
}

export interface ApplyResult {
  /** The new object; undefined when applying changed nothing. */
  readonly object: unknown;
  readonly managed: Managed;
}

/** Updater.Apply. */
export function applyOwnership(
  opts: UpdaterOptions,
  liveObj: unknown,
  config: unknown,
  managed: Managed,
  manager: string,
  force: boolean,
): ApplyResult {
  const out = copyManaged(managed);
  let merged = mergeValues(liveObj, config, opts.type);
  const lastSet = out.fields.get(manager);
  let set = toFieldSet(config, opts.type);
  if (opts.ignored) set = set.recursiveDifference(opts.ignored);
  out.fields.set(manager, { set, apiVersion: opts.apiVersion, applied: true });
  merged = prune(opts.type, merged, out, lastSet);
  const compare = takeOwnership(opts, liveObj, merged, out, manager, force);
  return { object: isSame(compare) ? undefined : merged, managed: out };
}

/** Removes what the applier applied last time and not now, unless another manager owns it. */
function prune(type: TypeNode, merged: unknown, managed: Managed, lastSet: VersionedSet | undefined): unknown {
  if (!lastSet || lastSet.set.isEmpty()) return merged;
  let pruned = removeItems(merged, lastSet.set, type);
  // addBackOwnedItems: whatever any manager (the applier's new set included) owns stays.
  let owned = new FieldSet();
  for (const vs of managed.fields.values()) owned = owned.union(vs.set);
  const mergedSet = toFieldSet(merged, type);
  pruned = removeItems(merged, mergedSet.difference(toFieldSet(pruned, type).union(owned)), type);
  // addBackDanglingItems: only what the applier owned before may go.
  const prunedSet = toFieldSet(pruned, type);
  return removeItems(merged, mergedSet.difference(prunedSet).intersection(lastSet.set), type);
}
