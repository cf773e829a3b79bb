/**
 * Pure helpers of the cluster benchmark: order statistics over the repetitions, and the
 * phases of `kubelab create cluster` recovered from its timestamped output lines.
 */

/** The p-th percentile (0–100), linear interpolation between order statistics (NumPy's default). */
export function percentile(values: readonly number[], p: number): number {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const rank = (p / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = xs[lo] as number;
  const b = xs[hi] as number;
  return a + (b - a) * (rank - lo);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** One line the CLI printed, with the time it was read (ms since the CLI was spawned). */
export interface TimedLine {
  ms: number;
  text: string;
}

/** Where each kubeadm phase starts: the first line that only that phase prints. */
export const PHASE_MARKERS: readonly (readonly [phase: string, prefix: string])[] = [
  ['preflight', '[init] '],
  ['certs', '[certs] '],
  ['kubeconfig', '[kubeconfig] '],
  ['control-plane', '[control-plane] '],
  ['kubelet-start', '[kubelet-start] '],
  ['wait-control-plane', '[wait-control-plane] '],
  ['mark-control-plane', '[mark-control-plane] '],
  ['wait', '[wait] '],
  ['kubeconfig export', 'Your Kubernetes control-plane has initialized successfully!'],
];

export interface PhaseSpan {
  phase: string;
  startMs: number;
  durationMs: number;
}

/**
 * The phases in output order: `process start` (spawn to the first line: node's start-up and
 * the bundle's load), then each phase from its first line to the next phase's first line (the
 * last one to the exit). Phases that printed nothing are left out.
 */
export function phaseSpans(lines: readonly TimedLine[], exitMs: number): PhaseSpan[] {
  const starts: { phase: string; ms: number }[] = [];
  const first = lines[0];
  if (first) starts.push({ phase: 'process start', ms: 0 });
  for (const [phase, prefix] of PHASE_MARKERS) {
    const line = lines.find((l) => l.text.startsWith(prefix));
    if (line) starts.push({ phase, ms: line.ms });
  }
  if (first && starts.length > 1) {
    // "Creating cluster" comes before [init]: it belongs to preflight.
    const preflight = starts.find((s) => s.phase === 'preflight');
    if (preflight) preflight.ms = Math.min(preflight.ms, first.ms);
  }
  starts.sort((a, b) => a.ms - b.ms);
  return starts.map((s, i) => {
    const end = starts[i + 1]?.ms ?? exitMs;
    return { phase: s.phase, startMs: s.ms, durationMs: end - s.ms };
  });
}

/** The images the CLI said it built (`[preflight] Building image "X"`). */
export function builtImages(lines: readonly TimedLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^\[preflight\] Building image "([^"]+)"/.exec(l.text);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

/** ms of the first line starting with `prefix` (and containing `contains`), if any. */
export function lineTime(
  lines: readonly TimedLine[],
  prefix: string,
  contains = '',
): number | undefined {
  return lines.find((l) => l.text.startsWith(prefix) && l.text.includes(contains))?.ms;
}
