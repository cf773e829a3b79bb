/**
 * Cell helpers shared by the printers (upstream printers.go translateTimestampSince,
 * layoutContainerCells, printBoolPtr; labels.FormatLabels).
 */
import type { Container } from '@kubelab/api';
import { humanDuration } from './human-duration.js';
import type { TimeCell } from './types.js';

export const NONE = '<none>';
export const UNKNOWN = '<unknown>';

/** Go's zero time (`0001-01-01T00:00:00Z`), which is how an absent timestamp decodes. */
const ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

/**
 * Epoch milliseconds of an RFC3339 (or RFC3339 micro) timestamp, or undefined when the
 * timestamp is absent, unparsable or Go's zero time (`metav1.Time.IsZero()`).
 */
export function parseTime(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms) || ms === ZERO_TIME_MS) return undefined;
  return ms;
}

/**
 * Time since `ts` as a HumanDuration (upstream translateTimestampSince), `<unknown>` for a zero
 * timestamp: a cell resolved when the table is served.
 */
export function since(ts: string | null | undefined): TimeCell | string {
  const ms = parseTime(ts);
  return ms === undefined ? UNKNOWN : (now) => humanDuration(now - ms);
}

/** `labels.FormatLabels`: `k=v` pairs sorted by key and joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return NONE;
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** Container names and images, each joined by commas, in spec order. */
export function layoutContainerCells(containers: readonly Container[] | null | undefined): {
  names: string;
  images: string;
} {
  const list = containers ?? [];
  return {
    names: list.map((c) => c.name).join(','),
    images: list.map((c) => c.image ?? '').join(','),
  };
}

/** `True` / `False`, `<unset>` when absent. */
export function printBoolPtr(value: boolean | null | undefined): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** Count of keys in an optional map (Go `len(map)`). */
export function sizeOf(map: Record<string, unknown> | null | undefined): number {
  return Object.keys(map ?? {}).length;
}
