/**
 * Go's fmt rendering of decoded JSON values, so that error messages carry the same text the
 * real apiserver produces (`map: map[image:nginx] does not contain declared merge key: name`).
 */
import { goTypeOf, isJsonMap } from './json-value.js';

/** `%v`: maps as `map[k:v ...]` with sorted keys, slices as `[a b]`, nil as `<nil>`. */
export function goSprintV(v: unknown): string {
  return render(v, 'v');
}

/** `%s`: like `%v`, but non-string scalars become `%!s(int64=1)`. */
export function goSprintS(v: unknown): string {
  return render(v, 's');
}

/** `%s` of `reflect.TypeOf(v)`: `map[string]interface {}`, `string`, `%!s(<nil>)`. */
export function goTypeName(v: unknown): string {
  const t = goTypeOf(v);
  return t === 'nil' ? '%!s(<nil>)' : t;
}

function render(v: unknown, verb: 'v' | 's'): string {
  if (Array.isArray(v)) return `[${v.map((e) => render(e, verb)).join(' ')}]`;
  if (isJsonMap(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${render(v[k], verb)}`).join(' ')}]`;
  }
  if (typeof v === 'string') return v;
  const text = scalarV(v);
  if (verb === 'v') return text;
  return v === null || v === undefined ? '%!s(<nil>)' : `%!s(${goTypeOf(v)}=${text})`;
}

function scalarV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? formatInt(v) : formatFloat(v);
  return String(v);
}

function formatInt(n: number): string {
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

/** strconv.FormatFloat(f, 'g', -1, 64): exponent form when exp < -4 or exp >= 21 is JS; Go uses 6. */
export function formatFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  const [mantissa = '0', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  }
  return String(f);
}

/** Byte-wise string order, as Go's fmt sorts map keys. */
function compareGoStrings(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ba, bb);
}
