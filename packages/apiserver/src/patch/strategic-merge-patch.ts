/**
 * Strategic merge patch (application/strategic-merge-patch+json) as
 * k8s.io/apimachinery/pkg/util/strategicpatch applies it on the server (StrategicMergeMapPatch
 * with MergeParallelList and IgnoreUnmatchedNulls): null deletes a key, maps merge, lists merge
 * by the field's patch strategy and merge key from the type's metadata, and the `$patch`,
 * `$retainKeys`, `$setElementOrder` and `$deleteFromPrimitiveList` directives apply.
 */
import {
  applyRetainKeysDirective,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  extractKey,
  handleDirectiveInMergeMap,
  decodeClean,
  RETAIN_KEYS_DIRECTIVE,
  REPLACE_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  takePatchValue,
} from './directives.js';
import { deepCopyJson, goTypeOf, hasOwn, isJsonMap, setOwn, type JsonMap } from './json-value.js';
import {
  badRequest,
  errUnsupportedStrategicMergePatchFormat,
  MAP_TYPE,
  unmarshalTypeError,
} from './patch-errors.js';
import {
  builtinPatchSchema,
  GENERIC_OBJECT_PATCH_SCHEMA,
  lookupPatchMeta,
  type GroupVersionKind,
  type PatchSchema,
} from './patch-meta.js';
import { mergeSetElementOrderLists } from './set-element-order.js';
import { mergeSliceHandler } from './strategic-merge-slice.js';

/**
 * Applies a decoded strategic merge patch body to a copy of `original` using the patch
 * metadata of the built-in kind `gvk`. Kinds kubelab has no table for are merged as ObjectMeta
 * plus untagged fields; objects without metadata are refused like unstructured objects are.
 */
export function applyStrategicMergePatch(
  original: JsonMap,
  patchBody: unknown,
  gvk: GroupVersionKind,
): JsonMap {
  let schema = builtinPatchSchema(gvk);
  if (!schema) {
    if (!isJsonMap(original['metadata'])) throw errUnsupportedStrategicMergePatchFormat();
    schema = GENERIC_OBJECT_PATCH_SCHEMA;
  }
  if (patchBody === null || patchBody === undefined) return deepCopyJson(original);
  if (!isJsonMap(patchBody)) throw badRequest(unmarshalTypeError(patchBody, MAP_TYPE));
  return strategicMergePatch(original, patchBody, schema);
}

/** The merge itself, for any metadata table (tests use their own). Neither input is modified. */
export function strategicMergePatch(
  original: JsonMap,
  patch: JsonMap,
  schema: PatchSchema,
): JsonMap {
  return mergeMap(deepCopyJson(original), patch, schema);
}

/** Merges `patch` into `original`, which it mutates (it is always our own copy). */
function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (hasOwn(patch, DIRECTIVE_MARKER))
    return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  applyRetainKeysDirective(original, patch);
  const consumed = mergeSetElementOrderLists(original, patch, schema, mergeMap);

  for (const patchKey of Object.keys(patch)) {
    if (patchKey === RETAIN_KEYS_DIRECTIVE || consumed.has(patchKey)) continue;
    if (patchKey.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
    }
    const patchV = patch[patchKey];
    if (patchV === null || patchV === undefined) {
      delete original[key];
      continue;
    }
    const current = hasOwn(original, key) ? original[key] : undefined;
    if (current === undefined || goTypeOf(current) !== goTypeOf(patchV)) {
      if (!isDeleteList) takeOver(original, key, patchV);
      continue;
    }
    const { meta, sub } = lookupPatchMeta(schema, key);
    if (isJsonMap(current)) {
      const merged =
        meta.strategy === REPLACE_DIRECTIVE
          ? decodeClean(patchV)
          : mergeMap(current, patchV as JsonMap, sub);
      setOwn(original, key, merged);
    } else if (Array.isArray(current)) {
      const field = { strategy: meta.strategy, mergeKey: meta.mergeKey ?? '', schema: sub };
      setOwn(
        original,
        key,
        mergeSliceHandler(current, patchV as unknown[], field, isDeleteList, mergeMap),
      );
    } else {
      setOwn(original, key, patchV);
    }
  }
  return original;
}

/** A key the original lacks (or holds with another type) takes the patch value, cleaned. */
function takeOver(original: JsonMap, key: string, patchV: unknown): void {
  const value = takePatchValue(patchV);
  if (value === undefined) delete original[key];
  else setOwn(original, key, value);
}
