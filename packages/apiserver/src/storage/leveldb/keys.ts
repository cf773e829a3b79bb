/**
 * The LevelDB key layout. Objects live at their registry key (`/registry/pods/default/web`);
 * everything else sorts before "/" so that no prefix list can see it:
 *   !meta!resourceVersion      the rv of the latest committed write
 *   !meta!historyDroppedRv     every event with rv <= this was trimmed from the log
 *   !log!<rv, 16 digits>       the event log, one entry per rv
 */
export const META_RV_KEY = '!meta!resourceVersion';
export const META_DROPPED_KEY = '!meta!historyDroppedRv';

const LOG_PREFIX = '!log!';
/** Sorts after every log key ("~" > digits). */
export const LOG_END = '!log!~';
const RV_DIGITS = 16;

export function logKey(rv: number): string {
  return LOG_PREFIX + String(Math.max(0, rv)).padStart(RV_DIGITS, '0');
}

/** The smallest key greater than every key that starts with prefix. */
export function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}

/** Every object key ("0" follows "/"). */
export const OBJECT_RANGE = { gte: '/', lt: '0' } as const;

export function isObjectKey(key: string): boolean {
  return key.startsWith('/');
}

/** A persisted resourceVersion counter; missing means 0. */
export function parseRevision(value: string | undefined, what: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`corrupt ${what}: ${JSON.stringify(value)}`);
  return n;
}
