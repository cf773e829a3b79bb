/**
 * The benchmark's phases, in order, each figure measured right after its floor so that both
 * see the same machine: LevelDB floor, bare POST floor, skeleton create server (the most a
 * durable create can do here), pod creates (filling a namespace),
 * memory after loading, bare GET floor, pod GETs, LIST latency, memory after listing, watch
 * delivery latency.
 */
import { measureBare, startBareServer } from './apiserver-bare-floor.js';
import { measureLevelDb, type LevelDbFloorResult } from './apiserver-leveldb-floor.js';
import { measureLists, type ListResult } from './apiserver-list.js';
import { startSkeletonServer } from './apiserver-skeleton-floor.js';
import type { ApiServerProcess, ServingPki } from './apiserver-process.js';
import {
  createNamespace,
  createPodRequest,
  expectStatus,
  getPodRequest,
  podName,
} from './apiserver-requests.js';
import { measureCreates, measureGets } from './apiserver-throughput.js';
import { measureWatch, type WatchResult } from './apiserver-watch.js';
import type { Target } from './load-connection.js';
import { closeConnections, openConnections, type LoadResult } from './load-generator.js';
import { CpuMeter, memoryStatus, restingMemory, type MemoryStatus } from './load-process-stats.js';

export interface ApiServerBenchConfig {
  clients: number;
  pods: number;
  warmupPods: number;
  warmupMs: number;
  durationMs: number;
  levelDurationMs: number;
  listRuns: number;
  listWarmupRuns: number;
  watchers: number;
  watchWrites: number;
  /** A pause before reading RSS, so that memory freed by the last phase is given back. */
  settleMs: number;
}

export interface PhaseRecord {
  name: string;
  /** performance.now() time. */
  start: number;
  end: number;
  /** Cores used meanwhile by the API server and by every process but it and the generator. */
  serverCpu: number;
  otherCpu: number;
}

export interface ApiServerResults {
  level: LevelDbFloorResult;
  barePost: LoadResult;
  /** The skeleton create server: parse, stamp, durable write, answer; nothing else. */
  skeletonPost: LoadResult;
  creates: LoadResult;
  bareGet: LoadResult;
  gets: LoadResult;
  lists: ListResult;
  watch: WatchResult;
  /** Before any request: the server's own footprint. */
  memoryIdle: MemoryStatus;
  /** A short settle after the creates, and after the LISTs. */
  memoryAfterLoad: MemoryStatus;
  memoryAfterList: MemoryStatus;
  /** After the LISTs, once the idle server's heap has shrunk (see restingMemory). */
  memoryAtRest: MemoryStatus & { waitedMs: number };
  /** Response sizes of a pod create and a pod GET, which the bare server copies. */
  postBytes: number;
  getBytes: number;
  phases: PhaseRecord[];
}

const NS = 'bench';
/** Same length as NS, so that its pods' responses have the same size. */
const PROBE_NS = 'probe';
const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function benchApiServer(
  server: ApiServerProcess,
  pki: ServingPki,
  cfg: ApiServerBenchConfig,
  log: (msg: string) => void,
): Promise<ApiServerResults> {
  const memoryIdle = memoryStatus(server.pid);
  const target: Target = {
    host: '127.0.0.1',
    port: server.port,
    caPem: pki.caPem,
    authorization: `Bearer ${server.token}`,
  };
  const conns = await openConnections(target, cfg.clients);
  const conn = conns[0] as (typeof conns)[0];
  const phases: PhaseRecord[] = [];
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const meter = new CpuMeter([server.pid]);
    const out = await run();
    const cpu = meter.stop();
    const serverCpu = cpu.others[0] as number;
    phases.push({
      name,
      start,
      end: performance.now(),
      serverCpu,
      otherCpu: Math.max(0, cpu.machine - cpu.self - serverCpu),
    });
    return out;
  };
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  try {
    for (const ns of [NS, PROBE_NS, 'bench-watch']) await createNamespace(conn, target, ns);
    const postBytes = (
      await expectStatus(conn, createPodRequest(target, PROBE_NS, podName(0)), 201)
    ).length;
    const getBytes = (await expectStatus(conn, getPodRequest(target, PROBE_NS, podName(0)), 200))
      .length;
    bare = await startBareServer(pki, getBytes, postBytes);
    const bareTarget: Target = { ...target, port: bare.port };
    const bareConns = await openConnections(bareTarget, cfg.clients);
    const bareLoad = {
      target: bareTarget,
      connections: bareConns,
      pid: bare.pid,
      warmupMs: cfg.warmupMs,
      durationMs: cfg.durationMs,
    };

    log('LevelDB floor, then bare HTTPS POST floor');
    const level = await measureLevelDb({ clients: cfg.clients, durationMs: cfg.levelDurationMs });
    const barePost = await measureBare({ ...bareLoad, kind: 'POST' });
    log('skeleton create server floor');
    const skeletonPost = await measureSkeleton(pki, target, cfg);
    log(
      `creating ${cfg.pods} pods (${cfg.warmupPods} of them warm-up) with ${cfg.clients} clients`,
    );
    const creates = await phase('creates', () =>
      measureCreates({
        target,
        connections: conns,
        namespace: NS,
        total: cfg.pods,
        warmup: cfg.warmupPods,
        serverPid: server.pid,
      }),
    );
    await settle(cfg.settleMs);
    const memoryAfterLoad = memoryStatus(server.pid);

    log('bare HTTPS GET floor, then GETs');
    const bareGet = await measureBare({ ...bareLoad, kind: 'GET' });
    closeConnections(bareConns);
    await bare.stop();
    const gets = await phase('GETs', () =>
      measureGets({
        target,
        connections: conns,
        namespace: NS,
        pods: cfg.pods,
        warmupMs: cfg.warmupMs,
        durationMs: cfg.durationMs,
        serverPid: server.pid,
      }),
    );

    log(`LISTing ${cfg.pods} pods, ${cfg.listRuns} runs per form`);
    const lists = await phase('LISTs', () =>
      measureLists({
        target,
        conn,
        namespace: NS,
        expectedItems: cfg.pods,
        runs: cfg.listRuns,
        warmupRuns: cfg.listWarmupRuns,
      }),
    );
    await settle(cfg.settleMs);
    const memoryAfterList = memoryStatus(server.pid);
    log('waiting for the idle server to come to rest');
    const memoryAtRest = await restingMemory(server.pid);

    log(`watching with ${cfg.watchers} watchers, ${cfg.watchWrites} writes`);
    const watch = await phase('watch', () =>
      measureWatch({
        target,
        conn,
        namespace: 'bench-watch',
        watchers: cfg.watchers,
        writes: cfg.watchWrites,
        deliveryTimeoutMs: 30_000,
      }),
    );
    return {
      memoryIdle,
      level,
      barePost,
      skeletonPost,
      creates,
      bareGet,
      gets,
      lists,
      watch,
      memoryAfterLoad,
      memoryAfterList,
      memoryAtRest,
      postBytes,
      getBytes,
      phases,
    };
  } finally {
    closeConnections(conns);
    await bare?.stop();
  }
}

async function measureSkeleton(
  pki: ServingPki,
  target: Target,
  cfg: ApiServerBenchConfig,
): Promise<LoadResult> {
  const skeleton = await startSkeletonServer(pki);
  const skeletonTarget: Target = { ...target, port: skeleton.port };
  const conns = await openConnections(skeletonTarget, cfg.clients);
  try {
    return await measureBare({
      target: skeletonTarget,
      connections: conns,
      pid: skeleton.pid,
      kind: 'POST',
      warmupMs: cfg.warmupMs,
      durationMs: cfg.durationMs,
    });
  } finally {
    closeConnections(conns);
    await skeleton.stop();
  }
}
