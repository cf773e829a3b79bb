/**
 * How the storage stamps metadata.resourceVersion into the stored JSON. The field is always
 * placed right after metadata.uid (where ObjectMeta's Go field order puts it) or last, so the
 * same object serialises to the same bytes whatever position the caller gave it, which is what
 * makes "no-op update" detection by byte comparison reliable.
 */
import type { ApiObject } from '@kubelab/api';

export function withResourceVersion(obj: ApiObject, rv: string): ApiObject {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const k in meta) {
    if (k === 'resourceVersion') continue;
    out[k] = meta[k];
    if (k === 'uid') {
      out.resourceVersion = rv;
      placed = true;
    }
  }
  if (!placed) out.resourceVersion = rv;
  return { ...obj, metadata: out };
}

/** The stored JSON of obj at resourceVersion rv. */
export function encodeObject(obj: ApiObject, rv: number): string {
  return JSON.stringify(withResourceVersion(obj, String(rv)));
}
