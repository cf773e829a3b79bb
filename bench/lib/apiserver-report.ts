/**
 * The API server benchmark's table: each figure beside its floor and the target, and
 * whether the target is met; plus the facts that explain the figures (latencies, CPU use of
 * the server and of the load generator).
 */
import { cpus, release } from 'node:os';
import type { ApiServerResults } from './apiserver-run.js';
import type { LoadResult } from './load-generator.js';
import type { MemoryStatus } from './load-process-stats.js';
import type { LatencySummary } from './load-stats.js';
import { formatNumber as f, markdownTable, textTable, type Row } from './report.js';

export interface ApiServerReport {
  header: Row;
  rows: Row[];
  details: Row[];
  allMet: boolean;
}

const HEADER: Row = ['Measure', 'kubelab', 'Floor', 'Target', 'Met'];
const DETAIL_HEADER: Row = ['Detail', 'Value'];
const pct = (v: number | undefined): string =>
  v === undefined ? 'n/a' : `${Math.round(v * 100)}%`;
const ms = (l: LatencySummary): string => `p50 ${f(l.p50)} ms, p99 ${f(l.p99)} ms`;
/** Server CPU per request in µs: stable under contention, unlike the rate. */
const cpuPerRequest = (r: LoadResult): number => ((r.serverCpu ?? Number.NaN) * 1e6) / r.perSecond;
const cpu = (r: LoadResult): string =>
  `server ${pct(r.serverCpu)}, generator ${pct(r.generatorCpu)}, other processes ${pct(r.otherCpu)}`;

/** Above this share of a core, a process counts as having saturated it. */
const SATURATED = 0.9;
/** Other processes using more than this share of a core disturb the figures. */
const NOISY = 0.2;

export function buildReport(a: ApiServerResults, pods: number, watchers: number): ApiServerReport {
  const bare = { post: a.barePost, get: a.bareGet };
  const level = a.level;
  const checks: { row: Row; met: boolean }[] = [];
  const check = (
    measure: string,
    value: string,
    floor: string,
    target: string,
    met: boolean,
  ): void => {
    checks.push({ row: [measure, value, floor, target, met ? 'yes' : 'NO'], met });
  };
  const postFloor = bare.post.perSecond;
  const getFloor = bare.get.perSecond;
  check(
    'Pod creates/s (16 clients)',
    f(a.creates.perSecond),
    `bare POST ${f(postFloor)}/s; skeleton create ${f(a.skeletonPost.perSecond)}/s (${f(a.skeletonPost.perSecond / postFloor)} of bare); LevelDB group commit ${f(level.groupPerSecond)}/s`,
    `>= ${f(postFloor / 3)}/s (1/3 of bare)`,
    a.creates.perSecond >= postFloor / 3,
  );
  check(
    'Pod GETs/s (16 clients)',
    f(a.gets.perSecond),
    `bare GET ${f(getFloor)}/s`,
    `>= ${f(getFloor / 2)}/s (1/2 of bare)`,
    a.gets.perSecond >= getFloor / 2,
  );
  check(`LIST ${pods} pods, JSON`, ms(a.lists.json), '-', 'p99 < 150 ms', a.lists.json.p99 < 150);
  check(
    `LIST ${pods} pods, Table`,
    ms(a.lists.table),
    '-',
    'p99 < 150 ms',
    a.lists.table.p99 < 150,
  );
  check(
    `Watch delivery, ${watchers} watchers`,
    ms(a.watch.delivery),
    `create ack ${ms(a.watch.createAck)}`,
    'p99 < 20 ms',
    a.watch.delivery.p99 < 20 && a.watch.lost === 0,
  );
  const rss = (when: string, m: MemoryStatus): void =>
    check(
      `RSS with ${pods} pods, ${when}`,
      `${f(m.rssMB)} MB`,
      `idle server ${f(a.memoryIdle.rssMB)} MB`,
      '< 150 MB',
      m.rssMB < 150,
    );
  rss('2 s after loading', a.memoryAfterLoad);
  rss('2 s after listing', a.memoryAfterList);
  rss(`at rest (idle ${Math.round(a.memoryAtRest.waitedMs / 1000)} s)`, a.memoryAtRest);
  const details: Row[] = [
    ['Load generator saturated a core', generatorSaturation(a)],
    ['Other processes on the machine', otherLoad(a)],
    [
      'Server CPU per request: create / bare POST',
      `${f(cpuPerRequest(a.creates))} / ${f(cpuPerRequest(a.barePost))} µs (ratio ${f(cpuPerRequest(a.barePost) / cpuPerRequest(a.creates))}, target 0.33)`,
    ],
    [
      'Server CPU per request: GET / bare GET',
      `${f(cpuPerRequest(a.gets))} / ${f(cpuPerRequest(a.bareGet))} µs (ratio ${f(cpuPerRequest(a.bareGet) / cpuPerRequest(a.gets))}, target 0.5)`,
    ],
    [
      'Server CPU per request: skeleton create / bare POST',
      `${f(cpuPerRequest(a.skeletonPost))} / ${f(cpuPerRequest(a.barePost))} µs (ratio ${f(cpuPerRequest(a.barePost) / cpuPerRequest(a.skeletonPost))})`,
    ],
    ['Create latency (16 clients)', ms(a.creates.latencyMs)],
    ['Create CPU', cpu(a.creates)],
    ['GET latency (16 clients)', ms(a.gets.latencyMs)],
    ['GET CPU', cpu(a.gets)],
    ['Bare POST / GET CPU', `${cpu(bare.post)} / ${cpu(bare.get)}`],
    ['Bare POST / GET latency', `${ms(bare.post.latencyMs)} / ${ms(bare.get.latencyMs)}`],
    ['Skeleton create CPU / latency', `${cpu(a.skeletonPost)} / ${ms(a.skeletonPost.latencyMs)}`],
    ['LIST Table as kubectl pages it (limit=500)', ms(a.lists.pagedTable)],
    [
      'LIST response sizes',
      `JSON ${f(a.lists.jsonBytes / 1e6)} MB, Table ${f(a.lists.tableBytes / 1e6)} MB`,
    ],
    ['Watch events lost', String(a.watch.lost)],
    ['Peak RSS (VmHWM)', `${f(a.memoryAfterList.peakRssMB)} MB`],
    ['LevelDB one write at a time (sync)', `${f(level.sequentialPerSecond)}/s`],
    [
      'LevelDB group commit',
      `${f(level.groupPerSecond)}/s, ${f(level.meanBatchSize)} writes per batch, ${level.valueBytes} B values`,
    ],
    ['Pod sizes', `create response ${a.postBytes} B, GET response ${a.getBytes} B`],
  ];
  return {
    header: HEADER,
    rows: checks.map((c) => c.row),
    details,
    allMet: checks.every((c) => c.met),
  };
}

function generatorSaturation(a: ApiServerResults): string {
  const runs: [string, LoadResult][] = [
    ['creates', a.creates],
    ['GETs', a.gets],
    ['bare POST', a.barePost],
    ['skeleton create', a.skeletonPost],
    ['bare GET', a.bareGet],
  ];
  const hot = runs
    .filter(([, r]) => r.generatorCpu >= SATURATED)
    .map(([n, r]) => `${n} (${pct(r.generatorCpu)})`);
  const max = Math.max(...runs.map(([, r]) => r.generatorCpu));
  return hot.length
    ? `yes: ${hot.join(', ')}; those rates are lower bounds`
    : `no (at most ${pct(max)} of a core)`;
}

function otherLoad(a: ApiServerResults): string {
  const all: [string, number][] = [
    ['bare POST', a.barePost.otherCpu],
    ['skeleton create', a.skeletonPost.otherCpu],
    ['bare GET', a.bareGet.otherCpu],
    ...a.phases.map((p): [string, number] => [p.name, p.otherCpu]),
  ];
  const text = all.map(([n, v]) => `${n} ${pct(v)}`).join(', ');
  return all.some(([, v]) => v > NOISY)
    ? `DISTURBED: ${text} of a core`
    : `quiet: ${text} of a core`;
}

export function machineFacts(): string {
  const c = cpus();
  return `${c.length} cores (${c[0]?.model.trim() ?? 'unknown CPU'}), Linux ${release()}, Node ${process.version}`;
}

export function reportText(r: ApiServerReport): string {
  return `${textTable(r.header, r.rows)}\n\n${textTable(DETAIL_HEADER, r.details)}`;
}

export function reportMarkdown(r: ApiServerReport): string {
  return `${markdownTable(r.header, r.rows)}\n\n${markdownTable(DETAIL_HEADER, r.details)}`;
}
