/** Wall-clock time with sub-millisecond resolution, comparable with Docker's event timestamps. */
import { percentile } from './load-stats.js';

/** Milliseconds since the epoch (the same clock as Docker's `timeNano`, on this machine). */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface Spread {
  samples: number[];
  median: number;
  p90: number;
}

/** Median and p90 (nearest rank) of a set of samples. */
export function spread(samples: number[]): Spread {
  const sorted = Float64Array.from(samples).sort();
  return { samples, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

/** Resolves after ms (only for pacing a benchmark, never to wait for a condition). */
export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
