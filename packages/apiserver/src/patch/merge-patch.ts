/**
 * RFC 7386 JSON merge patch (application/merge-patch+json) as evanphx/json-patch v4 applies it
 * for the apiserver: null deletes a key, objects merge recursively, anything else replaces.
 * Nulls inside values that are taken over whole are pruned from objects (array elements that
 * are null stay). A patch that is not an object or array is rejected `Invalid JSON Patch`.
 */
import { deepCopyJson, hasOwn, isJsonMap, setOwn, type JsonMap } from './json-value.js';
import { badRequest } from './patch-errors.js';

/** Applies a decoded merge patch body to a copy of `original`; neither input is modified. */
export function applyMergePatch(original: JsonMap, patchBody: unknown): unknown {
  if (Array.isArray(patchBody)) {
    // Not a document: the result is the patch itself (and will fail to decode as an object).
    return pruneArray(patchBody);
  }
  if (!isJsonMap(patchBody)) throw badRequest('Invalid JSON Patch');
  const doc = deepCopyJson(original);
  mergeDocs(doc, patchBody);
  return doc;
}

function mergeDocs(doc: JsonMap, patch: JsonMap): void {
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null || value === undefined) {
      delete doc[key];
      continue;
    }
    const current = hasOwn(doc, key) ? doc[key] : null;
    if (current === null || current === undefined) {
      setOwn(doc, key, prune(value));
    } else {
      setOwn(doc, key, merge(current, value));
    }
  }
}

function merge(current: unknown, patch: unknown): unknown {
  if (!isJsonMap(current)) return prune(patch);
  if (!isJsonMap(patch)) return deepCopyJson(patch);
  mergeDocs(current, patch);
  return current;
}

/** A copy of `v` without null object members, recursively (pruneNulls). */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return pruneArray(v);
  if (!isJsonMap(v)) return v;
  const out: JsonMap = {};
  for (const key of Object.keys(v)) {
    const e = v[key];
    if (e !== null && e !== undefined) setOwn(out, key, prune(e));
  }
  return out;
}

function pruneArray(a: unknown[]): unknown[] {
  return a.map((e) => (e === null || e === undefined ? null : prune(e)));
}
