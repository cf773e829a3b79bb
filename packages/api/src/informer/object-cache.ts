/**
 * The informer's local store: objects by `namespace/name` (or `name` when cluster-scoped), as
 * client-go's MetaNamespaceKeyFunc keys them, plus the pure diff a relist applies.
 */
import type { KubeObject } from '../client/resource-client.js';

export interface ObjectCache<T> {
  /** Pass '' or undefined as namespace for cluster-scoped objects. */
  get(namespace: string | undefined, name: string): T | undefined;
  /** All objects, or those of one namespace. */
  list(namespace?: string): T[];
  byKey(key: string): T | undefined;
  keys(): string[];
}

export function objectKey(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? '';
  return ns ? `${ns}/${name}` : name;
}

/** True when both carry the same resourceVersion: nothing changed, no update to deliver. */
export function isSameVersion(a: KubeObject, b: KubeObject): boolean {
  const rv = a.metadata?.resourceVersion;
  return rv !== undefined && rv !== '' && rv === b.metadata?.resourceVersion;
}

export interface ReplaceDiff<T> {
  added: T[];
  updated: { obj: T; old: T }[];
  /** The last known state of objects missing from the new list. */
  deleted: T[];
  unchanged: T[];
}

/** What replacing `current` by `items` means, in event terms (client-node deleteItems + addOrUpdateItems). */
export function diffReplace<T extends KubeObject>(
  current: ReadonlyMap<string, T>,
  items: readonly T[],
): ReplaceDiff<T> {
  const diff: ReplaceDiff<T> = { added: [], updated: [], deleted: [], unchanged: [] };
  const seen = new Set<string>();
  for (const obj of items) {
    const key = objectKey(obj);
    seen.add(key);
    const old = current.get(key);
    if (!old) diff.added.push(obj);
    else if (isSameVersion(old, obj)) diff.unchanged.push(obj);
    else diff.updated.push({ obj, old });
  }
  for (const [key, old] of current) if (!seen.has(key)) diff.deleted.push(old);
  return diff;
}

export class MapObjectCache<T extends KubeObject> implements ObjectCache<T> {
  private readonly objects = new Map<string, T>();

  get(namespace: string | undefined, name: string): T | undefined {
    return this.objects.get(namespace ? `${namespace}/${name}` : name);
  }

  list(namespace?: string): T[] {
    const all = [...this.objects.values()];
    return namespace === undefined
      ? all
      : all.filter((o) => (o.metadata?.namespace ?? '') === namespace);
  }

  byKey(key: string): T | undefined {
    return this.objects.get(key);
  }

  keys(): string[] {
    return [...this.objects.keys()];
  }

  /** Stores the object; returns the previous state under its key. */
  upsert(obj: T): T | undefined {
    const key = objectKey(obj);
    const old = this.objects.get(key);
    this.objects.set(key, obj);
    return old;
  }

  /** Removes the object's key; returns what was stored there. */
  remove(obj: KubeObject): T | undefined {
    const key = objectKey(obj);
    const old = this.objects.get(key);
    this.objects.delete(key);
    return old;
  }

  /** Replaces the whole content with a fresh list and reports the difference. */
  replace(items: readonly T[]): ReplaceDiff<T> {
    const diff = diffReplace(this.objects, items);
    this.objects.clear();
    for (const obj of items) this.objects.set(objectKey(obj), obj);
    return diff;
  }
}
