/**
 * One entry point for the PATCH handler: applies a json, merge or strategic patch body to the
 * current object and returns the patched copy (the current object is never modified).
 */
import { invalid, invalidValue } from '@kubelab/api';
import { applyJsonPatch } from './json-patch.js';
import { isJsonMap, type JsonMap } from './json-value.js';
import { applyMergePatch } from './merge-patch.js';
import { omitEmptyObjectMeta } from './omit-empty-meta.js';
import type { GroupVersionKind } from './patch-meta.js';
import type { PatchType } from './patch-type.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

const FIND_KIND_TYPE =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * Applies `patchBody` (the decoded request body) to `original`. Throws ApiError with the
 * upstream reason, code and message: 400 for undecodable patches, 422 for JSON patch operations
 * that do not apply, 413 for more than 10000 operations, 500 for malformed strategic patches.
 */
export function applyPatch(
  type: PatchType,
  original: object,
  patchBody: unknown,
  gvk: GroupVersionKind,
): object {
  const current = original as JsonMap;
  let result: unknown;
  switch (type) {
    case 'json':
      result = applyJsonPatch(current, patchBody);
      break;
    case 'merge':
      result = applyMergePatch(current, patchBody);
      break;
    case 'strategic':
      result = applyStrategicMergePatch(current, patchBody, gvk);
      break;
  }
  if (!isJsonMap(result)) throw notAnObject(result);
  omitEmptyObjectMeta(result);
  return result;
}

/** The result is not an object, so decoding it into the kind fails (422, as patch.go reports). */
function notAnObject(result: unknown): Error {
  const kindOf = Array.isArray(result) ? 'array' : result === null ? 'null' : typeof result;
  const detail = `couldn't get version/kind; json parse error: json: cannot unmarshal ${kindOf} into Go value of type ${FIND_KIND_TYPE}`;
  return invalid({ group: '', kind: '' }, '', [
    invalidValue('patch', JSON.stringify(result), detail),
  ]);
}
