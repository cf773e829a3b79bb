/**
 * Plain JSON values as the patch code sees them (the shapes Go's encoding/json produces for
 * `interface{}`): maps, slices, strings, numbers, booleans and null.
 */
export type JsonMap = Record<string, unknown>;

export function isJsonMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(m: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

/** Sets an own property, also for the key `__proto__` (which plain assignment would not). */
export function setOwn(m: JsonMap, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    m[key] = value;
  }
}

/** A deep copy of a JSON value; the copy shares nothing with the input. */
export function deepCopyJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map((e: unknown) => deepCopyJson(e)) as T;
  if (isJsonMap(v)) {
    const out: JsonMap = {};
    for (const k of Object.keys(v)) setOwn(out, k, deepCopyJson(v[k]));
    return out as T;
  }
  return v;
}

/** Structural equality of two JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((e, i) => jsonEqual(e, b[i]));
  }
  if (isJsonMap(a) && isJsonMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The Go dynamic type a decoded JSON value has on the apiserver (`kjson` keeps integers as
 * int64): `map[string]interface {}`, `[]interface {}`, `string`, `int64`, `float64`, `bool`,
 * or `nil`.
 */
export type GoType =
  'map[string]interface {}' | '[]interface {}' | 'string' | 'int64' | 'float64' | 'bool' | 'nil';

export function goTypeOf(v: unknown): GoType {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'map[string]interface {}';
}
