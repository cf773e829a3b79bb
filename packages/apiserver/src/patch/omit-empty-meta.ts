/**
 * The `omitempty` of ObjectMeta. The real apiserver decodes a patched object into its Go type
 * and encodes it again, so a patch that removes the last label (`{"metadata":{"labels":{"env":null}}}`)
 * leaves no `labels` at all, not `labels: {}`; likewise for annotations, finalizers and
 * ownerReferences. The field manager then sees no field left to own.
 */
import { isJsonMap, type JsonMap } from './json-value.js';

const EMPTY_MAPS = ['labels', 'annotations'] as const;
const EMPTY_LISTS = ['finalizers', 'ownerReferences'] as const;

/** Deletes empty labels, annotations, finalizers and ownerReferences from `obj.metadata` (in place). */
export function omitEmptyObjectMeta(obj: JsonMap): void {
  const meta = obj.metadata;
  if (!isJsonMap(meta)) return;
  for (const k of EMPTY_MAPS) {
    const v = meta[k];
    if (isJsonMap(v) && Object.keys(v).length === 0) delete meta[k];
  }
  for (const k of EMPTY_LISTS) {
    const v = meta[k];
    if (Array.isArray(v) && v.length === 0) delete meta[k];
  }
}
