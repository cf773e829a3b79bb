/**
 * EndpointSliceTracker (pkg/controller/endpointslice/util): the slices this controller wrote or
 * deleted, per Service, until its informer has caught up. A sync that would read an older view
 * (a slice just created not yet listed, a deleted one still there, an updated one at an older
 * resourceVersion) is retried instead, so that it neither duplicates slices nor conflicts.
 */
import type { EndpointSlice } from '@kubelab/api';

export const STALE_CACHE_MESSAGE = 'EndpointSlice informer cache is out of date';

/** True when resourceVersion `a` is older than `b` (numeric versions; others never compare older). */
function olderThan(a: string | undefined, b: string): boolean {
  if (a === undefined) return true;
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return false;
  return BigInt(a) < BigInt(b);
}

export class SliceTracker {
  /** service key -> slice name -> resourceVersion written, or null once deleted. */
  private readonly expected = new Map<string, Map<string, string | null>>();

  private forService(key: string): Map<string, string | null> {
    let m = this.expected.get(key);
    if (!m) this.expected.set(key, (m = new Map()));
    return m;
  }

  wrote(serviceKey: string, slice: EndpointSlice): void {
    const name = slice.metadata?.name;
    if (name) this.forService(serviceKey).set(name, slice.metadata?.resourceVersion ?? '');
  }

  deleted(serviceKey: string, name: string): void {
    this.forService(serviceKey).set(name, null);
  }

  /** The informer delivered a slice's deletion: nothing more to wait for about it. */
  observedDelete(serviceKey: string, name: string): void {
    this.expected.get(serviceKey)?.delete(name);
  }

  /** Whether the cached slices are older than what was written; once they are not, forget. */
  stale(serviceKey: string, cached: readonly EndpointSlice[]): boolean {
    const m = this.expected.get(serviceKey);
    if (!m) return false;
    const byName = new Map(cached.map((s) => [s.metadata?.name ?? '', s]));
    for (const [name, rv] of m) {
      const c = byName.get(name);
      if (
        rv === null
          ? c !== undefined
          : c === undefined || olderThan(c.metadata?.resourceVersion, rv)
      )
        return true;
    }
    this.expected.delete(serviceKey);
    return false;
  }

  forget(serviceKey: string): void {
    this.expected.delete(serviceKey);
  }
}
