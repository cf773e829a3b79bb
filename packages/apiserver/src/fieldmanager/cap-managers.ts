/**
 * At most ten update managers per object (internal/capmanagers.go): when there are more, the
 * oldest update entries are merged, per API version, into an `ancient-changes` entry.
 */
import type { Managed } from './managed-fields.js';
import { managerIdentifier } from './managed-fields.js';

export const DEFAULT_MAX_UPDATE_MANAGERS = 10;
const OLD_UPDATES_MANAGER = 'ancient-changes';

function seconds(t: string | undefined): number {
  return t ? Math.floor(Date.parse(t) / 1000) : 0;
}

/** Mutates and returns `managed`. */
export function capUpdateManagers(managed: Managed, max = DEFAULT_MAX_UPDATE_MANAGERS): Managed {
  const updaters = [...managed.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= max) return managed;
  updaters.sort((a, b) => seconds(managed.times.get(a)) - seconds(managed.times.get(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i] as string;
    const vs = managed.fields.get(id);
    if (!vs) continue;
    const time = managed.times.get(id);
    const bucket = managerIdentifier({ manager: OLD_UPDATES_MANAGER, operation: 'Update', apiVersion: vs.apiVersion });
    const first = firstByVersion.get(vs.apiVersion);
    if (first === undefined) {
      firstByVersion.set(vs.apiVersion, id);
      continue;
    }
    if (!managed.fields.has(bucket)) {
      const s = managed.fields.get(first);
      managed.fields.delete(first);
      if (s) managed.fields.set(bucket, s);
    }
    const existing = managed.fields.get(bucket);
    managed.fields.set(bucket, { ...vs, set: existing ? vs.set.union(existing.set) : vs.set });
    managed.fields.delete(id);
    managed.times.set(bucket, time);
    length--;
  }
  return managed;
}
