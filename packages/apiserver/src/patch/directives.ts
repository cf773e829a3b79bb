/**
 * Strategic merge patch directives (k8s.io/apimachinery/pkg/util/strategicpatch): `$patch`
 * (replace | delete on maps and list elements), `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>`, plus the clean-up applied to values taken over from a
 * patch (directives removed, nulls dropped, as decoding into the Go struct would).
 */
import { hasOwn, isJsonMap, setOwn, type JsonMap } from './json-value.js';
import {
  errBadPatchFormatForPrimitiveList,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  unknownPatchError,
} from './patch-errors.js';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

/** A map carrying `$patch`: `replace` yields the patch itself, `delete` an empty map. */
export function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === REPLACE_DIRECTIVE) return decodeClean(patch) as JsonMap;
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

/** `$setElementOrder/containers` → `containers`; a malformed key is a 400. */
export function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw errBadPatchFormatForPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw errBadPatchFormatForSetElementOrderList();
    throw unknownPatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${key}\n`);
  }
  return key.slice(slash + 1);
}

/**
 * `$retainKeys`: clears every key of `original` missing from the list. Every non-null,
 * non-directive key of the patch must be in the list (else 400 invalid patch format).
 */
export function applyRetainKeysDirective(original: JsonMap, patch: JsonMap): void {
  if (!hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const list = patch[RETAIN_KEYS_DIRECTIVE];
  if (!Array.isArray(list)) throw errBadPatchFormatForRetainKeys();
  const retained = new Set<unknown>();
  for (const v of list) {
    if (typeof v === 'object' && v !== null) {
      throw unknownPatchError(
        `runtime error: hash of unhashable type ${Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}'}`,
      );
    }
    retained.add(v);
  }
  for (const k of Object.keys(patch)) {
    if (k === RETAIN_KEYS_DIRECTIVE || patch[k] === null) continue;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX))
      continue;
    if (!retained.has(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) {
    if (!retained.has(k)) delete original[k];
  }
}

function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE_MARKER ||
    key === RETAIN_KEYS_DIRECTIVE ||
    key.startsWith(SET_ELEMENT_ORDER_PREFIX) ||
    key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)
  );
}

/**
 * A value taken over from the patch where the original had none (or had another type):
 * nulls are discarded and maps carrying `$patch` are dropped (upstream discardNullValuesFromPatch
 * and removeDirectives). Returns undefined when the value itself is such a map. The result is a
 * copy that shares nothing with the patch.
 */
export function takePatchValue(v: unknown): unknown {
  return copyClean(v, true);
}

/**
 * A value the patch replaces wholesale (`$patch: replace`, replace-strategy fields, new list
 * elements): a copy without directive keys and null members, which is what decoding it into
 * the Go struct leaves.
 */
export function decodeClean(v: unknown): unknown {
  return copyClean(v, false);
}

function copyClean(v: unknown, dropDirectiveMaps: boolean): unknown {
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const e of v) {
      const c = copyClean(e, dropDirectiveMaps);
      if (c !== undefined) out.push(c);
    }
    return out;
  }
  if (!isJsonMap(v)) return v;
  if (dropDirectiveMaps && hasOwn(v, DIRECTIVE_MARKER)) return undefined;
  const out: JsonMap = {};
  for (const k of Object.keys(v)) {
    const e = v[k];
    if (e === null || e === undefined || isDirectiveKey(k)) continue;
    const c = copyClean(e, dropDirectiveMaps);
    if (c !== undefined) setOwn(out, k, c);
  }
  return out;
}
