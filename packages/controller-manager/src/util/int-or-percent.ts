/**
 * intstr.GetScaledValueFromIntOrPercent: `25%` of 10 rounds up to 3 (or down to 2).
 */
export type IntOrString = number | string;

export function scaledValueFromIntOrPercent(
  v: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (!v.endsWith('%')) {
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const pct = Number(v.slice(0, -1));
  if (!/^[+-]?\d+$/.test(v.slice(0, -1))) {
    throw new Error(
      `invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${v.slice(0, -1)}": invalid syntax`,
    );
  }
  const x = (pct * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}
