/**
 * Element order of merged lists (strategicpatch normalizeElementOrder and friends): items from
 * the patch keep the patch's (or `$setElementOrder`'s) order, server-only items keep the live
 * order, and the two are interleaved by their positions in the live list.
 */
import { DELETE_DIRECTIVE, DIRECTIVE_MARKER, SET_ELEMENT_ORDER_PREFIX } from './directives.js';
import { goSprintV } from './go-format.js';
import { sliceStable } from './go-stable-sort.js';
import { goTypeOf, hasOwn, isJsonMap, type JsonMap } from './json-value.js';
import {
  errBadArgType,
  errBadPatchFormatForSetElementOrderList,
  errNoListOfLists,
  errNoMergeKey,
  MAP_TYPE,
  unknownPatchError,
} from './patch-errors.js';

/** Whether list elements are maps (merged by key) or scalars. */
export type ElementKind = 'map' | 'scalar';

/** Go's `==` on interface values: different dynamic types differ, maps and slices panic. */
export function goEqual(a: unknown, b: unknown): boolean {
  const ta = goTypeOf(a);
  if (ta !== goTypeOf(b)) return false;
  if (ta === 'map[string]interface {}' || ta === '[]interface {}') {
    throw unknownPatchError(`runtime error: comparing uncomparable type ${ta}`);
  }
  return (a ?? null) === (b ?? null);
}

/** The common element kind of the lists (sliceElementType), with upstream's errors. */
export function sliceElementKind(...lists: unknown[][]): ElementKind {
  let prev: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = goTypeOf(v);
      if (prev === undefined) {
        if (t === '[]interface {}') throw errNoListOfLists();
        if (t === 'nil')
          throw unknownPatchError(
            'runtime error: invalid memory address or nil pointer dereference',
          );
        prev = t;
      } else if (prev !== t) {
        throw unknownPatchError(`list element types are not identical: ${goSprintV(lists)}`);
      }
    }
  }
  if (prev === undefined) throw unknownPatchError('no elements in any of the given slices');
  return prev === MAP_TYPE ? 'map' : 'scalar';
}

function valueOf(item: unknown, mergeKey: string, kind: ElementKind): unknown {
  if (kind !== 'map') return item;
  return isJsonMap(item) && hasOwn(item, mergeKey) ? (item[mergeKey] ?? null) : null;
}

/** Position of `v` in `list`, comparing merge-key values for maps; -1 when absent. */
export function indexIn(list: unknown[], v: unknown, mergeKey: string, kind: ElementKind): number {
  const want = valueOf(v, mergeKey, kind);
  return list.findIndex((e) => goEqual(want, valueOf(e, mergeKey, kind)));
}

function checkMergeKeys(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonMap(item)) throw errBadArgType(MAP_TYPE, item);
      if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** Splits out list elements carrying `$patch: delete`. */
export function extractToDeleteItems(list: unknown[]): { keep: unknown[]; remove: unknown[] } {
  const keep: unknown[] = [];
  const remove: unknown[] = [];
  for (const v of list) {
    if (!isJsonMap(v)) throw errBadArgType(MAP_TYPE, v);
    if (hasOwn(v, DIRECTIVE_MARKER) && v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) remove.push(v);
    else keep.push(v);
  }
  return { keep, remove };
}

function normalizeSliceOrder(
  toSort: unknown[],
  order: unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  let items = [...toSort];
  let deletions: unknown[] = [];
  if (kind === 'map') {
    checkMergeKeys(mergeKey, toSort, order);
    ({ keep: items, remove: deletions } = extractToDeleteItems(toSort));
  }
  sliceStable(items, (a, b) => {
    const ia = indexIn(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexIn(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return items.concat(deletions);
}

/** Inserts the server-only items (`left`) among the patch items (`right`) by live order. */
function mergeSortedSlice(
  left: unknown[],
  right: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}

/** First map in `list` whose `key` equals `value` (findMapInSliceBasedOnKeyValue). */
export function findMapByKey(list: unknown[], key: string, value: unknown): number {
  for (let k = 0; k < list.length; k++) {
    const v = list[k];
    if (!isJsonMap(v)) throw unknownPatchError(`value for key ${k} is not a map.`);
    if (hasOwn(v, key) && goEqual(v[key], value)) return k;
  }
  return -1;
}

/** Splits `list` into items present in `by` (by merge key, or by value when there is none). */
export function partitionByPresence(
  list: unknown[],
  by: unknown[],
  mergeKey: string,
): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  if (!mergeKey) {
    const set = new Set<unknown>(by.map(hashable));
    for (const v of list) (set.has(hashable(v)) ? present : absent).push(v);
    return [present, absent];
  }
  for (const v of list) {
    if (!isJsonMap(v)) throw errBadArgType(MAP_TYPE, v);
    if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findMapByKey(by, mergeKey, v[mergeKey]) >= 0 ? present : absent).push(v);
  }
  return [present, absent];
}

function hashable(v: unknown): unknown {
  if (typeof v === 'object' && v !== null) {
    throw unknownPatchError(`runtime error: hash of unhashable type ${goTypeOf(v)}`);
  }
  return v ?? null;
}

/** Go's `==` between two list items, comparing merge-key values when there is a merge key. */
function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return goEqual(left, right);
  const l = left as JsonMap;
  const r = right as JsonMap;
  if (!isJsonMap(left)) throw errBadArgType(MAP_TYPE, left);
  if (!isJsonMap(right)) throw errBadArgType(MAP_TYPE, right);
  if (!hasOwn(l, mergeKey)) throw errNoMergeKey(l, mergeKey);
  if (!hasOwn(r, mergeKey)) throw errNoMergeKey(r, mergeKey);
  return goEqual(l[mergeKey], r[mergeKey]);
}

/** The patch list's items (deletions aside) must appear in `$setElementOrder` in the same order. */
export function validatePatchWithSetOrderList(
  patchList: unknown,
  order: unknown,
  mergeKey: string,
): void {
  if (!Array.isArray(order) || !Array.isArray(patchList))
    throw errBadPatchFormatForSetElementOrderList();
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? extractToDeleteItems(patchList).keep : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isJsonMap(items[p]) && hasOwn(items[p] as JsonMap, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw unknownPatchError(
      `The order in patch list:\n${goSprintV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprintV(order)}\n`,
    );
  }
}
