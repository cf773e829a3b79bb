/**
 * Where the server's time goes: a V8 .cpuprofile (node --cpu-prof) summarised per benchmark
 * phase as self time by function and by file, heaviest first.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A window of the profile, in ms since the profiled process started. */
export interface PhaseWindow {
  name: string;
  startMs: number;
  endMs: number;
}

export interface SelfTime {
  label: string;
  ms: number;
  share: number;
}

export interface PhaseProfile {
  name: string;
  totalMs: number;
  byFunction: SelfTime[];
  byFile: SelfTime[];
  /** Time with the function anywhere on the stack (each function counted once per sample). */
  inclusive: SelfTime[];
}

function shortUrl(url: string): string {
  const i = url.indexOf('/packages/');
  if (i >= 0) return url.slice(i + 1);
  const j = url.lastIndexOf('/node_modules/');
  if (j >= 0) return url.slice(j + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
}

function top(m: Map<string, number>, total: number, n: number): SelfTime[] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([label, us]) => ({ label, ms: us / 1000, share: total ? us / total : 0 }));
}

/** Maps a frame of a bundled file back to its source file (see bundleSourceMap). */
export type SourceLocator = (url: string, line: number) => string | undefined;

/** Self time per function and per file, for each window; idle and GC are kept as labels. */
export function summarizeProfile(
  p: CpuProfile,
  windows: PhaseWindow[],
  locate: SourceLocator = () => undefined,
  n = 15,
): PhaseProfile[] {
  const fileOf = (frame: CallFrame): string =>
    locate(frame.url, frame.lineNumber) ?? shortUrl(frame.url);
  const label = (frame: CallFrame): string => {
    const source = locate(frame.url, frame.lineNumber);
    const name = frame.functionName || '(anonymous)';
    return source ? `${name} ${source}` : `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
  };
  const byId = new Map(p.nodes.map((node) => [node.id, node.callFrame]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const stackOf = (id: number): Set<string> => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur);
      if (frame && frame.functionName !== '(root)') seen.add(label(frame));
    }
    return seen;
  };
  return windows.map((w) => {
    const fns = new Map<string, number>();
    const files = new Map<string, number>();
    const incl = new Map<string, number>();
    let t = 0;
    let total = 0;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.timeDeltas[i] ?? 0;
      const atMs = t / 1000;
      if (atMs < w.startMs || atMs >= w.endMs) continue;
      const frame = byId.get(p.samples[i] as number);
      const dt = p.timeDeltas[i + 1] ?? 0;
      if (!frame || frame.functionName === '(idle)') continue;
      const file = fileOf(frame);
      const fn = label(frame);
      fns.set(fn, (fns.get(fn) ?? 0) + dt);
      for (const f of stackOf(p.samples[i] as number)) incl.set(f, (incl.get(f) ?? 0) + dt);
      files.set(file, (files.get(file) ?? 0) + dt);
      total += dt;
    }
    return {
      name: w.name,
      totalMs: total / 1000,
      byFunction: top(fns, total, n),
      byFile: top(files, total, n),
      inclusive: top(incl, total, n * 2),
    };
  });
}

export function readCpuProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

export function profileText(phases: PhaseProfile[]): string {
  const out: string[] = [];
  for (const ph of phases) {
    out.push(`\n== ${ph.name}: ${ph.totalMs.toFixed(0)} ms of CPU (idle excluded)`);
    out.push('  self time by function:');
    for (const s of ph.byFunction)
      out.push(`    ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.label}`);
    out.push('  self time by file:');
    for (const s of ph.byFile)
      out.push(`    ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.label}`);
    out.push('  total time (function on the stack):');
    for (const s of ph.inclusive)
      out.push(`    ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.label}`);
  }
  return out.join('\n');
}
