/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource): exact fixed-point quantities with the
 * upstream grammar, suffixes, rounding (to nano, away from zero) and canonical serialisation.
 * A value is `unscaled * 10^scale`, held as a bigint.
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

const NANO = -9;
const MAX_INT64 = (1n << 63n) - 1n;
const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

function interpretSuffix(s: string): Suffix | undefined {
  const dec = DECIMAL_SUFFIXES[s];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[s];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?\d+$/.test(s.slice(1))) {
    return { base: 10, exponent: Number.parseInt(s.slice(1), 10), format: 'DecimalExponent' };
  }
  return undefined;
}

/** parseQuantityString: sign, integer digits, fraction digits and suffix, or a format error. */
function scan(str: string): { positive: boolean; num: string; denom: string; suffix: string } {
  let pos = 0;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (str[pos] === '0') pos++;
  const numStart = pos;
  while (pos < str.length && /[0-9]/.test(str.charAt(pos))) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const start = ++pos;
    while (pos < str.length && /[0-9]/.test(str.charAt(pos))) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str.charAt(pos))) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < str.length && /[0-9]/.test(str.charAt(pos))) pos++;
  if (pos < str.length) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

/** Divides by 10^digits, rounding away from zero; reports whether the result is exact. */
function divRoundUp(v: bigint, digits: number): { value: bigint; exact: boolean } {
  if (digits <= 0) return { value: v * pow10(-digits), exact: true };
  const d = pow10(digits);
  const q = v / d;
  const r = v % d;
  if (r === 0n) return { value: q, exact: true };
  return { value: v > 0n ? q + 1n : q - 1n, exact: false };
}

export class Quantity {
  private constructor(
    /** The value is unscaled * 10^scale. */
    readonly unscaled: bigint,
    readonly scale: number,
    readonly format: QuantityFormat,
  ) {}

  static parse(str: string): Quantity {
    if (str.length === 0) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI');
    const { positive, num, denom, suffix } = scan(str);
    const suf = interpretSuffix(suffix);
    if (!suf) throw new QuantityParseError(QUANTITY_SUFFIX_ERROR);
    let amount = BigInt(num + denom);
    let scale = -denom.length;
    if (suf.base === 10) scale += suf.exponent;
    else amount *= 1n << BigInt(suf.exponent);
    let format = suf.format;
    if (scale < NANO) {
      amount = divRoundUp(amount, NANO - scale).value;
      scale = NANO;
    }
    const magnitude = new Quantity(amount, scale, format);
    if (format === 'BinarySI' && magnitude.compareInt(MAX_INT64) > 0) {
      amount = MAX_INT64;
      scale = 0;
    }
    if (format === 'BinarySI' && amount > 0n && magnitude.compareInt(1n) < 0) format = 'DecimalSI';
    return new Quantity(positive ? amount : -amount, scale, format);
  }

  static fromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }

  static fromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli), -3, format);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled > 0n ? 1 : -1;
  }

  /** ceil(q / 10^scale), rounding away from zero, as a bigint. */
  scaledValue(scale: number): bigint {
    return divRoundUp(this.unscaled, scale - this.scale).value;
  }

  /** The integer value, rounded up (away from zero); may lose precision past 2^53. */
  value(): number {
    return Number(this.scaledValue(0));
  }

  /** ceil(q * 1000), rounding away from zero. */
  milliValue(): number {
    return Number(this.scaledValue(-3));
  }

  compare(other: Quantity): -1 | 0 | 1 {
    const s = Math.min(this.scale, other.scale);
    const a = this.unscaled * pow10(this.scale - s);
    const b = other.unscaled * pow10(other.scale - s);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  private compareInt(v: bigint): -1 | 0 | 1 {
    return this.compare(new Quantity(v, 0, 'DecimalSI'));
  }

  /** Sum; a zero receiver takes the other's format, as upstream Add does. */
  add(other: Quantity): Quantity {
    const s = Math.min(this.scale, other.scale);
    const v = this.unscaled * pow10(this.scale - s) + other.unscaled * pow10(other.scale - s);
    return new Quantity(v, s, this.isZero() ? other.format : this.format);
  }

  sub(other: Quantity): Quantity {
    return this.add(new Quantity(-other.unscaled, other.scale, other.format));
  }

  /** RoundUp(scale): at most `scale` precision, rounding away from zero (defaulting uses -3). */
  roundUp(scale: number): Quantity {
    if (this.scale >= scale) return this;
    return new Quantity(divRoundUp(this.unscaled, scale - this.scale).value, scale, this.format);
  }

  equals(other: Quantity): boolean {
    return this.compare(other) === 0;
  }

  /** The canonical form (CanonicalizeBytes): what the apiserver serialises. */
  toString(): string {
    if (this.isZero()) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      if (this.compareInt(-1024n) > 0 && this.compareInt(1024n) < 0) format = 'DecimalSI';
      else {
        const { value, exact } = divRoundUp(this.unscaled, -this.scale);
        if (exact) return base1024(value);
        format = 'DecimalSI';
      }
    }
    let mantissa = this.unscaled;
    let exponent = this.scale;
    while (mantissa % 10n === 0n) {
      mantissa /= 10n;
      exponent++;
    }
    while (((exponent % 3) + 3) % 3 !== 0) {
      mantissa *= 10n;
      exponent--;
    }
    if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
    if (exponent > 18) {
      mantissa *= pow10(exponent - 18);
      exponent = 18;
    }
    return `${mantissa}${DECIMAL_BY_EXP.get(exponent) ?? ''}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

function base1024(value: bigint): string {
  let v = abs(value);
  let exp = 0;
  while (v >= 1024n && v % 1024n === 0n && exp < 60) {
    v /= 1024n;
    exp += 10;
  }
  return `${value < 0n ? '-' : ''}${v}${BINARY_BY_EXP.get(exp) ?? ''}`;
}

/** resource.ParseQuantity. Throws QuantityParseError with the upstream message. */
export function parseQuantity(s: string): Quantity {
  return Quantity.parse(s);
}

/** The canonical string of a valid quantity, or undefined when it does not parse. */
export function canonicalQuantity(s: string): string | undefined {
  try {
    return Quantity.parse(s).toString();
  } catch {
    return undefined;
  }
}
