/**
 * The cluster benchmark's tables: the figures against their floors and targets, the phases of
 * a create, the memory per component, the floors, and every repetition.
 */
import type { MemoryFloor, StartFloor } from './cluster-floor.js';
import { groupRows, totalRow, type MemoryRow } from './cluster-memory.js';
import type { RepResult } from './cluster-run.js';
import { median, percentile } from './cluster-stats.js';
import { markdownTable, textTable, type Row } from './report.js';

export const TARGET_READY_MS = 5000;
export const TARGET_MEMORY_MB = 300;
/** A create during which other processes used more than this many cores on average. */
export const DISTURBED_CORES = 0.2;
/** The issue's published comparison (minikube's benchmark, single node). */
export const PUBLISHED =
  "kind ≈ 33 s, k3d ≈ 20 s for a single node (minikube's published benchmark, quoted by the issue; not run here); kind idles near 1 GiB";

export interface BenchResult {
  warmup: { built: string[]; exitMs: number };
  reps: RepResult[];
  /** Repetitions left out because the CLI rebuilt images during them. */
  excluded: RepResult[];
  startFloor: StartFloor;
  memoryFloor: MemoryFloor;
}

export interface Table {
  title: string;
  header: Row;
  rows: Row[];
}

const s = (ms: number | undefined): string =>
  ms === undefined || !Number.isFinite(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`;
const msFmt = (ms: number | undefined): string =>
  ms === undefined || !Number.isFinite(ms) ? '–' : `${Math.round(ms)} ms`;
/** kB (KiB) to MB (10^6 bytes). */
export const mb = (kb: number): number => (kb * 1024) / 1e6;
const mbFmt = (kb: number | undefined): string =>
  kb === undefined || !Number.isFinite(kb) ? '–' : `${mb(kb).toFixed(1)} MB`;
const spread = (xs: number[], f: (v: number) => string): string =>
  `median ${f(median(xs))}, p90 ${f(percentile(xs, 90))} (min ${f(Math.min(...xs))}, max ${f(Math.max(...xs))})`;

function defined(xs: (number | undefined)[]): number[] {
  return xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
}

/** The repetition whose total resident memory is the median one, with its component rows. */
export function medianMemory(
  reps: RepResult[],
): { rep: RepResult; rows: MemoryRow[]; total: MemoryRow; distinctKb: number } | undefined {
  const withMem = reps.flatMap((r) =>
    r.memory ? [{ rep: r, total: totalRow(r.memory.rows), distinctKb: r.memory.distinctKb }] : [],
  );
  if (!withMem.length) return undefined;
  withMem.sort((a, b) => a.total.vmRss - b.total.vmRss);
  const mid = withMem[Math.floor((withMem.length - 1) / 2)] as (typeof withMem)[number];
  return { ...mid, rows: groupRows(mid.rep.memory?.rows ?? []) };
}

export interface Verdict {
  readyMet: boolean;
  memoryMet: boolean;
}

export function verdict(r: BenchResult): Verdict {
  const exits = r.reps.map((x) => x.exitMs);
  const mem = medianMemory(r.reps);
  return {
    readyMet: exits.length > 0 && percentile(exits, 90) < TARGET_READY_MS,
    // The cluster's resident memory: every physical page its processes map, each counted once.
    memoryMet: mem !== undefined && mb(mem.distinctKb) < TARGET_MEMORY_MB,
  };
}

export function buildTables(r: BenchResult, workers: number): Table[] {
  const exits = r.reps.map((x) => x.exitMs);
  const v = verdict(r);
  const mem = medianMemory(r.reps);
  const memTotals = r.reps.flatMap((x) => (x.memory ? [totalRow(x.memory.rows)] : []));
  const f = r.startFloor;
  const mf = r.memoryFloor;
  const main: Table = {
    title: `Figures (${r.reps.length} repetitions, ${r.reps.filter((x) => (x.cpu?.otherCores ?? 0) > DISTURBED_CORES).length} of them DISTURBED; times from spawn of the CLI)`,
    header: ['Figure', 'kubelab', 'Floor (same run)', 'Target', 'Met'],
    rows: [
      [
        `\`create cluster --workers ${workers} --wait 3m\` to exit 0`,
        spread(exits, s),
        `raw \`docker run -d\` of the 3 control-plane images + busybox at once: ${msFmt(f.allAtOnce)}; kind 33 s, k3d 20 s (published, 1 node)`,
        '< 5 s (p90)',
        v.readyMet ? 'yes' : '**no**',
      ],
      [
        'every node Ready (watch)',
        spread(defined(r.reps.map((x) => x.nodesReadyMs)), s),
        '',
        '',
        '',
      ],
      [
        'every control-plane mirror pod Running (watch)',
        spread(defined(r.reps.map((x) => x.podsRunningMs)), s),
        '',
        '',
        '',
      ],
      [
        'every control-plane mirror pod Ready (watch)',
        spread(defined(r.reps.map((x) => x.podsReadyMs)), s),
        '',
        '',
        '',
      ],
      [
        `resident memory, whole ${workers + 1}-node cluster idle (its physical pages, each counted once)`,
        mem ? mbFmt(mem.distinctKb) : '–',
        `${mbFmt(mf.distinctKb)}: ${workers + 1} idle \`node\` on the host + 3 idle \`node\` containers of the node image + 3 busybox \`sleep\`; kind ≈ 1 GiB (published)`,
        '< 300 MB',
        v.memoryMet ? 'yes' : '**no**',
      ],
      [
        '  the same, Σ VmRSS of its processes (a page shared by n processes counted n times)',
        mem
          ? `${mbFmt(mem.total.vmRss)} (reps: ${memTotals.map((t) => mb(t.vmRss).toFixed(0)).join(', ')})`
          : '–',
        `${mbFmt(mf.total.vmRss)} (same floor)`,
        '',
        '',
      ],
      [
        '  the same, Σ PSS (shared pages divided, also with processes outside the cluster)',
        mem ? mbFmt(mem.total.pss) : '–',
        `${mbFmt(mf.total.pss)} (same floor)`,
        '',
        '',
      ],
    ],
  };

  const phaseNames = [...new Set(r.reps.flatMap((x) => x.phases.map((p) => p.phase)))];
  const phases: Table = {
    title: 'Where the time of a create goes (median over repetitions, from the CLI output lines)',
    header: ['Phase', 'median', 'p90', 'median start'],
    rows: phaseNames.map((name) => {
      const spans = r.reps
        .map((x) => x.phases.find((p) => p.phase === name))
        .filter((p) => p !== undefined);
      return [
        name,
        msFmt(median(spans.map((p) => p.durationMs))),
        msFmt(
          percentile(
            spans.map((p) => p.durationMs),
            90,
          ),
        ),
        msFmt(median(spans.map((p) => p.startMs))),
      ];
    }),
  };
  const milestones: [string, (x: RepResult) => number | undefined][] = [
    ...Object.keys(r.reps[0]?.starts ?? {}).map(
      (k): [string, (x: RepResult) => number | undefined] => [
        `Docker started ${k}`,
        (x) => x.starts[k],
      ],
    ),
    ['API server answered the watch', (x) => x.apiAnsweredMs],
    ['every node Ready (watch)', (x) => x.nodesReadyMs],
    ['every mirror pod Running (watch)', (x) => x.podsRunningMs],
    ['CLI exit', (x) => x.exitMs],
  ];
  const timeline: Table = {
    title: 'Timeline (median ms from spawn)',
    header: ['Event', 'median', 'p90'],
    rows: milestones.map(([label, get]) => {
      const xs = defined(r.reps.map(get));
      return [label, msFmt(median(xs)), msFmt(percentile(xs, 90))];
    }),
  };

  const cpuOf = (f: (c: NonNullable<RepResult['cpu']>) => number): number =>
    median(r.reps.flatMap((x) => (x.cpu ? [f(x.cpu)] : [])));
  const cpu: Table = {
    title: 'CPU used during a create (median over repetitions; the machine has 2 cores)',
    header: ['Who', 'CPU time', 'cores on average'],
    rows: (
      [
        ['wall time of the create', (c) => c.wallMs],
        ['everything (/proc/stat)', (c) => c.busyMs],
        ['the CLI process (and this benchmark process)', (c) => c.parts.selfMs],
        ['the 3 kubelets', (c) => c.parts.kubeletMs],
        ["the cluster's containers (cpuacct)", (c) => c.parts.containerMs],
        ['dockerd, containerd, shims, runc', (c) => c.parts.dockerMs],
        ['other processes', (c) => c.otherMs],
      ] as [string, (c: NonNullable<RepResult['cpu']>) => number][]
    ).map(([who, f], i): Row => [
      who,
      msFmt(cpuOf(f)),
      i === 0 ? '' : (cpuOf(f) / cpuOf((c) => c.wallMs)).toFixed(2),
    ]),
  };
  const memRow = (m: MemoryRow): Row => [
    m.component,
    String(m.processes),
    mbFmt(m.vmRss),
    mbFmt(m.rssAnon),
    mbFmt(m.pss),
    mbFmt(m.cgroup?.rss),
    mbFmt(m.cgroup?.mappedFile),
    mbFmt(m.cgroup?.usage),
  ];
  const memHeader: Row = [
    'Component',
    'procs',
    'VmRSS',
    'RssAnon',
    'PSS',
    'cgroup rss',
    'cgroup mapped_file',
    'cgroup usage_in_bytes',
  ];
  const memory: Table = {
    title: mem
      ? `Resident memory per component (repetition ${mem.rep.name}, the median total)`
      : 'Resident memory per component',
    header: memHeader,
    rows: mem ? [...mem.rows.map(memRow), memRow(mem.total)] : [],
  };
  const floors: Table = {
    title: 'Floors (same run)',
    header: ['Floor', 'value'],
    rows: [
      ...Object.entries(f.alone).map(([k, ms]): Row => [
        `\`docker run -d\` ${k} alone, until it returns (started)`,
        msFmt(ms),
      ]),
      ['`docker run -d` of all four at once, until the last returns', msFmt(f.allAtOnce)],
      ...Object.entries(f.helpInContainer).map(([k, ms]): Row => [
        `\`docker run --rm\` ${k} \`--help\`, to exit`,
        msFmt(ms),
      ]),
      ...Object.entries(f.helpOnHost).map(([k, ms]): Row => [
        `\`node ${k}.mjs --help\` on the host, to exit`,
        msFmt(ms),
      ]),
      ...[...mf.rows, mf.total].map((m): Row => [
        `memory: ${m.component}`,
        `VmRSS ${mbFmt(m.vmRss)}, RssAnon ${mbFmt(m.rssAnon)}, PSS ${mbFmt(m.pss)}`,
      ]),
      ['memory: floor, distinct physical pages', mbFmt(mf.distinctKb)],
    ],
  };
  const reps: Table = {
    title: 'Repetitions',
    header: [
      'Cluster',
      'exit',
      'nodes Ready',
      'pods Running',
      'pods Ready',
      'other CPU (cores)',
      'Σ VmRSS / distinct',
      'delete',
      'deleted by the CLI alone',
    ],
    rows: [...r.reps, ...r.excluded].map((x) => [
      `${x.name}${r.excluded.includes(x) ? ` (excluded: rebuilt ${x.built.join(', ')})` : ''}`,
      msFmt(x.exitMs),
      msFmt(x.nodesReadyMs),
      msFmt(x.podsRunningMs),
      msFmt(x.podsReadyMs),
      x.cpu
        ? `${x.cpu.otherCores.toFixed(2)}${x.cpu.otherCores > DISTURBED_CORES ? ' DISTURBED' : ''}`
        : '–',
      x.memory ? `${mbFmt(totalRow(x.memory.rows).vmRss)} / ${mbFmt(x.memory.distinctKb)}` : '–',
      msFmt(x.deleteMs),
      x.cleanByCli ? 'yes' : '**no**',
    ]),
  };
  return [main, phases, timeline, cpu, memory, floors, reps];
}

export function renderText(tables: Table[]): string {
  return tables.map((t) => `${t.title}\n${textTable(t.header, t.rows)}`).join('\n\n');
}

export function renderMarkdown(tables: Table[]): string {
  return tables.map((t) => `#### ${t.title}\n\n${markdownTable(t.header, t.rows)}`).join('\n\n');
}
