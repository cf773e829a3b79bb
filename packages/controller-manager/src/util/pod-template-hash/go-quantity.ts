/**
 * resource.Quantity as the Go struct a controller holds after decoding `"500m"`
 * (resource.ParseQuantity): int64Amount{value, scale} on the fast path, an inf.Dec rounded up
 * to nano precision otherwise, and the cached string `s` when the input was canonical.
 */
export interface GoQuantity {
  /** int64Amount: value * 10^scale. */
  i: { value: bigint; scale: number };
  /** infDecAmount: unscaled * 10^-decScale, or null on the fast path. */
  dec: { unscaled: bigint; scale: number } | null;
  s: string;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const MAX_INT64 = (1n << 63n) - 1n;
const DECIMAL: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function scan(str: string): {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
  value: string;
} {
  let pos = 0;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (str[pos] === '0') pos++;
  const start = pos;
  while (pos < str.length && /\d/.test(str.charAt(pos))) pos++;
  const num = str.slice(start, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const d = ++pos;
    while (pos < str.length && /\d/.test(str.charAt(pos))) pos++;
    denom = str.slice(d, pos);
  }
  return { positive, num, denom, suffix: str.slice(pos), value: str.slice(0, pos) };
}

function suffix(
  s: string,
): { base: 2 | 10; exponent: number; format: GoQuantity['format'] } | undefined {
  if (DECIMAL[s] !== undefined) return { base: 10, exponent: DECIMAL[s], format: 'DecimalSI' };
  if (BINARY[s] !== undefined) return { base: 2, exponent: BINARY[s], format: 'BinarySI' };
  if (/^[eE][+-]?\d+$/.test(s))
    return { base: 10, exponent: Number(s.slice(1)), format: 'DecimalExponent' };
  return undefined;
}

/** ParseQuantity's result; undefined when the string is not a quantity. */
export function goQuantity(str: string): GoQuantity | undefined {
  if (str === '0') return { i: { value: 0n, scale: 0 }, dec: null, s: '0', format: 'DecimalSI' };
  const { positive, num, denom, suffix: suf, value } = scan(str);
  const sx = suffix(suf);
  if (!sx) return undefined;
  let { format } = sx;
  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (sx.base === 10) {
    scale = sx.exponent;
    precision = 18 - (num.length + denom.length);
  } else if (sx.exponent >= 0 && denom.length === 0) {
    mantissa = 1n << BigInt(sx.exponent);
    precision = 15 - num.length - Math.trunc((sx.exponent * 3) / 10) - 1;
  } else {
    precision = -1;
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const v = BigInt(shifted);
      const result = v * mantissa;
      if (v <= MAX_INT64 && result <= MAX_INT64) {
        const signed = positive ? result : -result;
        const canonical =
          format === 'BinarySI'
            ? sx.exponent % 10 === 0 && (v & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return { i: { value: signed, scale }, dec: null, s: canonical ? str : '', format };
      }
    }
  }
  // Slow path: an inf.Dec, rounded up to nanos.
  const digits = value.replace(/^[+-]/, '');
  const [ip = '', fp = ''] = digits.split('.');
  let unscaled = BigInt((ip + fp).replace(/^0+(?=\d)/, '') || '0');
  let decScale = fp.length;
  if (sx.base === 10) decScale -= sx.exponent;
  else unscaled *= 1n << BigInt(sx.exponent);
  if (unscaled !== 0n) {
    if (decScale > 9) {
      const d = 10n ** BigInt(decScale - 9);
      unscaled = unscaled % d === 0n ? unscaled / d : unscaled / d + 1n;
    } else unscaled *= 10n ** BigInt(9 - decScale);
    decScale = 9;
  }
  if (format === 'BinarySI' && unscaled > MAX_INT64 * 10n ** BigInt(decScale)) {
    unscaled = MAX_INT64;
    decScale = 0;
  }
  if (format === 'BinarySI' && unscaled > 0n && unscaled < 10n ** BigInt(decScale))
    format = 'DecimalSI';
  return {
    i: { value: 0n, scale: 0 },
    dec: { unscaled: positive ? unscaled : -unscaled, scale: decScale },
    s: '',
    format,
  };
}
