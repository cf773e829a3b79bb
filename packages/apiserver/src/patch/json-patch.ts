/**
 * RFC 6902 JSON patch (application/json-patch+json) with the behaviour and errors of the real
 * apiserver: it uses evanphx/json-patch v4, so a `replace` of a missing object key adds it,
 * negative array indices count from the end, and an operation that does not apply answers
 * 422 Invalid `the server rejected our request due to an error in our request`.
 */
import {
  addIn,
  findObject,
  getIn,
  JsonPatchFailure,
  removeIn,
  setIn,
  type Container,
} from './json-patch-container.js';
import { deepCopyJson, hasOwn, isJsonMap, jsonEqual, type JsonMap } from './json-value.js';
import {
  badRequest,
  requestEntityTooLarge,
  unmarshalTypeError,
  unprocessablePatch,
} from './patch-errors.js';

/** The most operations one patch may carry (patch.go maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const MISSING = 'missing value';

/** Applies a decoded JSON patch body to a copy of `original`; `original` is not modified. */
export function applyJsonPatch(original: JsonMap, patchBody: unknown): unknown {
  const ops = decodePatch(patchBody);
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw requestEntityTooLarge(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
    );
  }
  const state = { doc: deepCopyJson(original) as Container };
  for (const op of ops) {
    try {
      applyOperation(state, op);
    } catch (e) {
      if (e instanceof JsonPatchFailure) throw unprocessablePatch(e.message);
      throw e;
    }
  }
  return state.doc;
}

function decodePatch(body: unknown): JsonMap[] {
  if (body === null || body === undefined) return [];
  if (!Array.isArray(body)) throw badRequest(unmarshalTypeError(body, 'jsonpatch.Patch'));
  return body.map((op: unknown) => {
    if (op === null) return {};
    if (!isJsonMap(op)) throw badRequest(unmarshalTypeError(op, 'jsonpatch.Operation'));
    return op;
  });
}

function applyOperation(state: { doc: Container }, op: JsonMap): void {
  const kind = typeof op['op'] === 'string' ? op['op'] : 'unknown';
  switch (kind) {
    case 'add':
      return add(state.doc, op);
    case 'remove':
      return remove(state.doc, op);
    case 'replace':
      return replace(state, op);
    case 'move':
      return move(state.doc, op);
    case 'test':
      return test(state.doc, op);
    case 'copy':
      return copy(state.doc, op);
    default:
      throw new JsonPatchFailure(`Unexpected kind: ${kind}`);
  }
}

/** The op's `value`, copied so the result never aliases the request body; absent reads as null. */
function valueOf(op: JsonMap): unknown {
  return hasOwn(op, 'value') ? deepCopyJson(op['value'] ?? null) : null;
}

function field(op: JsonMap, name: 'path' | 'from'): string {
  const v = op[name];
  if (v === undefined || v === null) {
    const text = name === 'path' ? 'operation missing path field' : 'operation, missing from field';
    throw new JsonPatchFailure(`${text}: ${MISSING}`);
  }
  if (typeof v !== 'string') {
    throw new JsonPatchFailure(unmarshalTypeError(v, 'string'));
  }
  return v;
}

function withPrefix<T>(prefix: string, fn: () => T, keepCause = true): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof JsonPatchFailure)) throw e;
    throw new JsonPatchFailure(keepCause ? `${prefix}: ${e.message}` : `${prefix}: ${MISSING}`);
  }
}

function add(doc: Container, op: JsonMap): void {
  const path = withPrefix('add operation failed to decode path', () => field(op, 'path'), false);
  const found = findObject(doc, path);
  if (!found)
    throw new JsonPatchFailure(
      `add operation does not apply: doc is missing path: "${path}": ${MISSING}`,
    );
  withPrefix(`error in add for path: '${path}'`, () => addIn(found.con, found.key, valueOf(op)));
}

function remove(doc: Container, op: JsonMap): void {
  const path = withPrefix('remove operation failed to decode path', () => field(op, 'path'), false);
  const found = findObject(doc, path);
  if (!found) {
    throw new JsonPatchFailure(
      `remove operation does not apply: doc is missing path: "${path}": ${MISSING}`,
    );
  }
  withPrefix(`error in remove for path: '${path}'`, () => removeIn(found.con, found.key));
}

function replace(state: { doc: Container }, op: JsonMap): void {
  const path = withPrefix('replace operation failed to decode path', () => field(op, 'path'));
  if (path === '') {
    const value = valueOf(op);
    if (!Array.isArray(value) && !isJsonMap(value)) {
      throw new JsonPatchFailure('replace operation value must be object or array: %!w(<nil>)');
    }
    state.doc = value;
    return;
  }
  const found = findObject(state.doc, path);
  if (!found)
    throw new JsonPatchFailure(
      `replace operation does not apply: doc is missing path: ${path}: ${MISSING}`,
    );
  try {
    getIn(found.con, found.key);
  } catch {
    throw new JsonPatchFailure(
      `replace operation does not apply: doc is missing key: ${path}: ${MISSING}`,
    );
  }
  withPrefix(`error in remove for path: '${path}'`, () => setIn(found.con, found.key, valueOf(op)));
}

function move(doc: Container, op: JsonMap): void {
  const from = withPrefix('move operation failed to decode from', () => field(op, 'from'));
  const src = findObject(doc, from);
  if (!src)
    throw new JsonPatchFailure(
      `move operation does not apply: doc is missing from path: ${from}: ${MISSING}`,
    );
  const value = withPrefix(`error in move for path: '${src.key}'`, () => getIn(src.con, src.key));
  withPrefix(`error in move for path: '${src.key}'`, () => removeIn(src.con, src.key));
  const path = withPrefix('move operation failed to decode path', () => field(op, 'path'));
  const dst = findObject(doc, path);
  if (!dst) {
    throw new JsonPatchFailure(
      `move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`,
    );
  }
  withPrefix(`error in move for path: '${path}'`, () => addIn(dst.con, dst.key, value ?? null));
}

function test(doc: Container, op: JsonMap): void {
  const path = withPrefix('test operation failed to decode path', () => field(op, 'path'));
  const expected = hasOwn(op, 'value') ? (op['value'] ?? null) : undefined;
  if (path === '') {
    if (expected !== undefined && jsonEqual(doc, expected)) return;
    throw new JsonPatchFailure(`testing value ${path} failed: test failed`);
  }
  const found = findObject(doc, path);
  if (!found)
    throw new JsonPatchFailure(
      `test operation does not apply: is missing path: ${path}: ${MISSING}`,
    );
  const actual =
    withPrefix(`error in test for path: '${path}'`, () => getIn(found.con, found.key)) ?? null;
  if (actual === null) {
    if (expected === undefined || expected === null) return;
  } else if (expected !== undefined && jsonEqual(actual, expected)) {
    return;
  }
  throw new JsonPatchFailure(`testing value ${path} failed: test failed`);
}

function copy(doc: Container, op: JsonMap): void {
  const from = withPrefix('copy operation failed to decode from', () => field(op, 'from'));
  const src = findObject(doc, from);
  if (!src)
    throw new JsonPatchFailure(
      `copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`,
    );
  const value = withPrefix(`error in copy for from: '${from}'`, () => getIn(src.con, src.key));
  const path = withPrefix('copy operation failed to decode path', () => field(op, 'path'), false);
  const dst = findObject(doc, path);
  if (!dst) {
    throw new JsonPatchFailure(
      `copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`,
    );
  }
  const clone = deepCopyJson(value ?? null);
  withPrefix('error while adding value during copy', () => addIn(dst.con, dst.key, clone));
}
