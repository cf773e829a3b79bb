/**
 * One repetition of the cluster benchmark: subscribe to Docker's start events and start the
 * watch client, spawn `kubelab create cluster --name X --workers N --wait D`, time it to its exit,
 * measure the CPU other processes took meanwhile, wait (watch) until every control-plane mirror
 * pod is Ready, let the cluster idle, sample its resident memory, then
 * `kubelab delete cluster --name X` (label fallback if anything is left).
 */
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import type { Guard } from './cluster-cleanup.js';
import { createArgs, runCreate, type CreateRun } from './cluster-cli.js';
import { CpuMeter, type CpuWindow } from './cluster-cpu.js';
import { ClusterStarts } from './cluster-docker-events.js';
import type { BenchEnv } from './cluster-env.js';
import { clusterTargets, sampleMemory, type MemorySample } from './cluster-memory.js';
import { readFile } from 'node:fs/promises';
import { builtImages, phaseSpans, type PhaseSpan } from './cluster-stats.js';
import { ClusterWatch } from './cluster-watch.js';

export const COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;

export interface RunOptions {
  bench: BenchEnv;
  docker: Dockerode;
  guard: Guard;
  workers: number;
  wait: string;
  /** Measure memory this repetition (after the mirror pods are Ready and `settleMs` of idling). */
  memory?: { settleMs: number; samples: number };
  log: (msg: string) => void;
}

export interface RepResult {
  name: string;
  code: number;
  stderr: string;
  /** ms from spawn. */
  exitMs: number;
  apiAnsweredMs?: number;
  nodesReadyMs?: number;
  podsRunningMs?: number;
  podsReadyMs?: number;
  /** Docker start events, ms from spawn. */
  starts: Record<string, number | undefined>;
  phases: PhaseSpan[];
  run: CreateRun;
  built: string[];
  cpu?: CpuWindow;
  memory?: MemorySample;
  deleteMs: number;
  cleanByCli: boolean;
  /** How long the bench waited for a quiet machine before this repetition (set by the caller). */
  quietBefore?: { waitedMs: number; quiet: boolean; lastCores: number };
}

export function nodeNames(name: string, workers: number): string[] {
  return [
    `${name}-control-plane`,
    ...Array.from({ length: workers }, (_, i) => `${name}-worker${i === 0 ? '' : i + 1}`),
  ];
}

async function pidOf(path: string): Promise<number | undefined> {
  const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
  return pid > 0 ? pid : undefined;
}

export async function runRepetition(o: RunOptions, name: string): Promise<RepResult> {
  const nodes = nodeNames(name, o.workers);
  const cp = nodes[0] as string;
  const roots = new Map(nodes.map((n) => [n, join(o.bench.home, 'clusters', name, 'nodes', n)]));
  const cpRoot = roots.get(cp) as string;
  o.guard.track(name);
  const starts = await ClusterStarts.open(o.docker, name);
  const watch = new ClusterWatch(
    nodes,
    COMPONENTS.map((c) => `${c}-${cp}`),
  );
  let result: RepResult | undefined;
  try {
    const cpu = await CpuMeter.start();
    watch.start(join(cpRoot, 'etc/kubernetes/admin.conf'));
    const run = await runCreate(o.bench, createArgs(name, o.workers, o.wait));
    const kubeletPids = (
      await Promise.all([...roots.values()].map((r) => pidOf(join(r, 'var/run/kubelet.pid'))))
    ).filter((p) => p !== undefined);
    const containers = await o.docker.listContainers({
      filters: { label: [`io.kubelab.cluster=${name}`], status: ['running'] },
    });
    const initPids = await Promise.all(
      containers.map(async (c) => (await o.docker.getContainer(c.Id).inspect()).State.Pid),
    );
    const cpuWindow = await cpu.stop(kubeletPids, initPids);
    const rel = (at: number | undefined): number | undefined =>
      at === undefined ? undefined : at - run.t0;
    result = {
      name,
      code: run.code,
      stderr: run.stderr,
      exitMs: run.exitMs,
      phases: phaseSpans(run.lines, run.exitMs),
      run,
      built: builtImages(run.lines),
      cpu: cpuWindow,
      starts: {},
      deleteMs: Number.NaN,
      cleanByCli: false,
    };
    if (run.code === 0) {
      await watch.until('nodesReadyAt', 10_000);
      await watch.until('podsRunningAt', 10_000);
      if (o.memory) {
        await watch.until('podsReadyAt', 60_000);
        o.log(
          `  ${name}: idling ${o.memory.settleMs / 1000} s, then ${o.memory.samples} memory samples`,
        );
        await new Promise((r) => setTimeout(r, o.memory?.settleMs));
        result.memory = await sampleMemory(
          await clusterTargets(o.docker, name, roots),
          o.memory.samples,
          1000,
        );
      }
    }
    const m = watch.milestones;
    Object.assign(result, {
      apiAnsweredMs: rel(m.apiAnsweredAt),
      nodesReadyMs: rel(m.nodesReadyAt),
      podsRunningMs: rel(m.podsRunningAt),
      podsReadyMs: rel(m.podsReadyAt),
    });
    for (const c of COMPONENTS) {
      result.starts[`${c} sandbox`] = rel(starts.first(`${c}-${cp}/POD`));
      result.starts[c] = rel(starts.first(`${c}-${cp}/${c}`));
    }
  } finally {
    watch.stop();
    starts.close();
    const del = await o.guard.deleteCluster(name);
    if (result) {
      result.deleteMs = del.ms;
      result.cleanByCli = del.cleanByCli;
    }
  }
  return result;
}
