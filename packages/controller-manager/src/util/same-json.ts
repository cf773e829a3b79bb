/** JSON with sorted keys: stored objects need not keep the key order they were written in. */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** Deep equality of two JSON values, ignoring object key order (absent equals null). */
export const sameJson = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
