/**
 * The value at an object's key: `<rv>\n<json>`. Keeping the rv in front lets list() return
 * StoredItems without parsing the JSON.
 */
import type { StoredItem } from '../storage.js';

export function encodeStoredValue(rv: number, json: string): string {
  return `${rv}\n${json}`;
}

export function decodeStoredValue(key: string, value: string): StoredItem {
  const nl = value.indexOf('\n');
  const rv = nl > 0 ? Number(value.slice(0, nl)) : NaN;
  if (!Number.isSafeInteger(rv)) throw new Error(`corrupt stored value at ${key}`);
  return { key, rv, json: value.slice(nl + 1) };
}
