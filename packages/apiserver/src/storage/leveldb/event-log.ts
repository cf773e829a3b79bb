/**
 * The persisted event log: one entry per resourceVersion, `<rv>\n<type>\n<key>\n<json>`, kept
 * to the newest historySize entries. Trimming is planned here and applied in the same batch as
 * the write that makes it necessary, together with the "dropped up to" marker.
 */
import type { StorageEvent, StorageEventType } from '../storage.js';

const TYPES: ReadonlySet<string> = new Set<StorageEventType>(['ADDED', 'MODIFIED', 'DELETED']);

export function encodeLogEntry(ev: StorageEvent): string {
  return `${ev.rv}\n${ev.type}\n${ev.key}\n${ev.json}`;
}

export function decodeLogEntry(value: string): StorageEvent {
  const a = value.indexOf('\n');
  const b = value.indexOf('\n', a + 1);
  const c = value.indexOf('\n', b + 1);
  const rv = Number(value.slice(0, a));
  const type = value.slice(a + 1, b);
  if (a <= 0 || b < 0 || c < 0 || !Number.isSafeInteger(rv) || !TYPES.has(type)) {
    throw new Error(`corrupt event log entry: ${value.slice(0, 80)}`);
  }
  return {
    type: type as StorageEventType,
    key: value.slice(b + 1, c),
    rv,
    json: value.slice(c + 1),
  };
}

export interface TrimPlan {
  /** The new "dropped up to" marker. */
  droppedRv: number;
  /** Log entries with from < rv <= to are to be deleted (none when from >= to). */
  deleteFrom: number;
  deleteTo: number;
}

/**
 * After a group of writes ending at lastRv (the log held droppedRv+1 .. firstRv-1 before it),
 * which entries must go so that at most historySize remain.
 */
export function planTrim(
  droppedRv: number,
  firstRv: number,
  lastRv: number,
  historySize: number,
): TrimPlan {
  const newDropped = Math.max(droppedRv, lastRv - historySize);
  return {
    droppedRv: newDropped,
    deleteFrom: droppedRv,
    deleteTo: Math.min(newDropped, firstRv - 1),
  };
}
