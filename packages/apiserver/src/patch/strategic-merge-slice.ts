/**
 * Merging lists under a strategic merge patch (strategicpatch mergeSliceHandler / mergeSlice):
 * lists of maps merge element-wise by merge key, honour `$patch: delete | replace` elements;
 * lists of scalars merge as sets or lose the items of a `$deleteFromPrimitiveList` list.
 */
import {
  decodeClean,
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
} from './directives.js';
import {
  findMapByKey,
  goEqual,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
} from './element-order.js';
import { hasOwn, type JsonMap } from './json-value.js';
import { errBadPatchType, errNoMergeKey, unknownPatchError } from './patch-errors.js';
import type { PatchSchema } from './patch-meta.js';

/** Merges one map of the patch into one map of the original (mergeMap, passed in to avoid a cycle). */
export type MapMerger = (original: JsonMap, patch: JsonMap, schema: PatchSchema) => JsonMap;

export interface SliceField {
  readonly strategy: 'merge' | 'replace' | undefined;
  readonly mergeKey: string;
  /** Schema of the list's elements. */
  readonly schema: PatchSchema;
}

/** Lists with the merge strategy (and deletion lists) merge; all others are replaced. */
export function mergeSliceHandler(
  original: unknown[],
  patch: unknown[],
  field: SliceField,
  isDeleteList: boolean,
  mergeMap: MapMerger,
): unknown[] {
  if (field.strategy === MERGE_DIRECTIVE || isDeleteList) {
    return mergeSlice(original, patch, field, isDeleteList, mergeMap);
  }
  return decodeClean(patch) as unknown[];
}

function mergeSlice(
  original: unknown[],
  patch: unknown[],
  field: SliceField,
  isDeleteList: boolean,
  mergeMap: MapMerger,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  const { mergeKey } = field;
  let base = original;
  let items = patch;
  let merged: unknown[];
  if (kind !== 'map') {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw unknownPatchError('cannot merge lists without merge key for struct');
    [base, items] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements(base, items, field, mergeMap);
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, items, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, items, base, mergeKey, kind);
}

/**
 * Applies `$patch` elements: `delete` removes every original element with that merge key,
 * `replace` makes the remaining patch elements the whole list. Returns [original, patch] without
 * the directive elements.
 */
function mergeSliceWithSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  let base = original;
  for (const v of patch as JsonMap[]) {
    if (!hasOwn(v, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = v[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      base = deleteMatchingEntries(base, mergeKey, v[mergeKey]);
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true;
    } else if (directive === MERGE_DIRECTIVE) {
      throw unknownPatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, v);
    }
  }
  if (replace) return [decodeClean(plain) as unknown[], []];
  return [base, plain];
}

function deleteMatchingEntries(original: unknown[], mergeKey: string, value: unknown): unknown[] {
  let list = original;
  for (
    let at = findMapByKey(list, mergeKey, value);
    at >= 0;
    at = findMapByKey(list, mergeKey, value)
  ) {
    list = [...list.slice(0, at), ...list.slice(at + 1)];
  }
  return list;
}

/** Merges each patch element into the original element with its merge key, or appends it. */
function mergeSliceWithoutSpecialElements(
  original: unknown[],
  patch: unknown[],
  field: SliceField,
  mergeMap: MapMerger,
): unknown[] {
  const out = [...original];
  for (const v of patch as JsonMap[]) {
    if (!hasOwn(v, field.mergeKey)) throw errNoMergeKey(v, field.mergeKey);
    const at = findMapByKey(out, field.mergeKey, v[field.mergeKey]);
    if (at >= 0) out[at] = mergeMap(out[at] as JsonMap, v, field.schema);
    else out.push(decodeClean(v));
  }
  return out;
}

function deleteFromSlice(current: unknown[], toDelete: unknown[]): unknown[] {
  return current.filter((v) => !toDelete.some((d) => goEqual(d, v)));
}

/** Go's in-place dedupe: a duplicate is overwritten by the last element. */
export function deduplicateScalars(s: unknown[]): unknown[] {
  const out = [...s];
  let length = out.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(out[i], out[j])) {
        out[j] = out[length];
        out.length = length;
        length--;
        j--;
      }
    }
  }
  return out;
}
