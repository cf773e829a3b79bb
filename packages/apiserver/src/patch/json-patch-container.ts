/**
 * The document model of evanphx/json-patch v4 (the library the apiserver uses for
 * application/json-patch+json): a JSON pointer resolves to a container (object or array) and a
 * key in it, with that library's index rules (negative indices count from the end, `-`
 * appends) and error texts.
 */
import { hasOwn, isJsonMap, setOwn, type JsonMap } from './json-value.js';

export type Container = JsonMap | unknown[];

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** A failure inside an operation; its message is the library's error text. */
export class JsonPatchFailure extends Error {}

/** RFC 6901 unescaping in one left-to-right pass: `~1` is `/`, `~0` is `~`. */
export function decodePatchKey(key: string): string {
  return key.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** The container holding the last path segment, or undefined when the path does not resolve. */
export function findObject(
  doc: Container,
  path: string,
): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let con = doc;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = getIn(con, decodePatchKey(part));
    } catch {
      return undefined;
    }
    if (next === null || next === undefined) return undefined;
    if (!Array.isArray(next) && !isJsonMap(next)) return undefined;
    con = next;
  }
  return { con, key: decodePatchKey(split[split.length - 1] ?? '') };
}

export function getIn(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return hasOwn(con, key) ? con[key] : undefined;
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  if (idx >= con.length) throw invalidIndex(idx);
  return con[idx];
}

/** Only used by replace, after getIn proved the key exists. */
export function setIn(con: Container, key: string, value: unknown): void {
  if (!Array.isArray(con)) {
    setOwn(con, key, value);
    return;
  }
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  con[idx] = value;
}

export function addIn(con: Container, key: string, value: unknown): void {
  if (!Array.isArray(con)) {
    setOwn(con, key, value);
    return;
  }
  if (key === '-') {
    con.push(value);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw new JsonPatchFailure(
      `value was not a proper array index: '${key}': ${(e as Error).message}`,
    );
  }
  const size = con.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    idx += size;
  }
  con.splice(idx, 0, value);
}

export function removeIn(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!hasOwn(con, key)) {
      throw new JsonPatchFailure(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    }
    delete con[key];
    return;
  }
  let idx = atoi(key);
  if (idx >= con.length) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  con.splice(idx, 1);
}

function invalidIndex(idx: number): JsonPatchFailure {
  return new JsonPatchFailure(`Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);
}

/** Go's strconv.Atoi, with its error texts. */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw new JsonPatchFailure(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  const n = Number(s);
  if (!Number.isSafeInteger(n)) {
    throw new JsonPatchFailure(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  }
  return n;
}
