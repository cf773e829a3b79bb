/**
 * Patch machinery of the apiserver: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and
 * strategic merge patch, with the behaviour and errors of the real kube-apiserver.
 * (Server-side apply lives in apply-patch.ts.)
 */
export { applyPatch } from './patch-object.js';
export {
  PATCH_CONTENT_TYPES,
  patchTypeFromContentType,
  unsupportedPatchContentType,
  type PatchType,
} from './patch-type.js';
export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
export { applyMergePatch } from './merge-patch.js';
export { applyStrategicMergePatch, strategicMergePatch } from './strategic-merge-patch.js';
export {
  BUILTIN_PATCH_META,
  builtinPatchSchema,
  lookupPatchMeta,
  type FieldPatchMeta,
  type GroupVersionKind,
  type PatchMetaTable,
  type PatchSchema,
  type StructPatchMeta,
} from './patch-meta.js';
export { REJECTED_REQUEST_MESSAGE } from './patch-errors.js';
