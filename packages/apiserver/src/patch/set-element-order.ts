/**
 * `$setElementOrder/<list>` (strategicpatch mergePatchIntoOriginal): merges the list it names
 * together with the directive and orders the result: `$setElementOrder` first, then the patch
 * list's order, then the live order for items only the server has.
 */
import { extractKey, SET_ELEMENT_ORDER_PREFIX, takePatchValue } from './directives.js';
import {
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
  validatePatchWithSetOrderList,
} from './element-order.js';
import { hasOwn, setOwn, type JsonMap } from './json-value.js';
import { errBadArgType, SLICE_TYPE } from './patch-errors.js';
import { lookupPatchMeta, type PatchSchema } from './patch-meta.js';
import { mergeSliceHandler, type MapMerger } from './strategic-merge-slice.js';

/**
 * Processes every `$setElementOrder/...` key of `patch` into `original` (mutated). Returns the
 * patch keys it consumed (the directives and the lists they named), which the caller skips.
 */
export function mergeSetElementOrderLists(
  original: JsonMap,
  patch: JsonMap,
  schema: PatchSchema,
  mergeMap: MapMerger,
): Set<string> {
  const consumed = new Set<string>();
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    consumed.add(key);
    const order = patch[key];
    if (!Array.isArray(order)) throw errBadArgType(SLICE_TYPE, order);
    const listKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = hasOwn(original, listKey);
    const foundPatch = hasOwn(patch, listKey) && !consumed.has(listKey);
    const originalList = foundOriginal ? asList(original[listKey]) : [];
    const patchList = foundPatch ? asList(patch[listKey]) : [];
    const { meta, sub } = lookupPatchMeta(schema, listKey);
    const mergeKey = meta.mergeKey ?? '';
    validatePatchWithSetOrderList(patchList, order, mergeKey);

    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = takePatchValue(patchList) as unknown[];
    else if (foundOriginal && foundPatch) {
      merged = mergeSliceHandler(
        originalList,
        patchList,
        { strategy: meta.strategy, mergeKey, schema: sub },
        false,
        mergeMap,
      );
    } else continue;

    const [patchItems, serverOnly] = partitionByPresence(merged, order, mergeKey);
    const kind = sliceElementKind(originalList, patchList);
    setOwn(
      original,
      listKey,
      normalizeElementOrder(patchItems, serverOnly, order, originalList, mergeKey, kind),
    );
    consumed.add(listKey);
  }
  return consumed;
}

function asList(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw errBadArgType(SLICE_TYPE, v);
  return v;
}
