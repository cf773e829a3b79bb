/**
 * Resident memory of a whole cluster: each node's kubelet (the PID in <node root>/var/run/
 * kubelet.pid, and any descendant) and every process in each of the cluster's running
 * containers (the container's memory cgroup's cgroup.procs). Sampled `samples` times
 * `intervalMs` apart; each figure is the median of its samples.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { median } from './cluster-stats.js';
import {
  cgroupMemory,
  cgroupPath,
  cgroupProcs,
  distinctResidentKb,
  processTable,
  procMemory,
  withDescendants,
  type CgroupMemory,
} from './cluster-proc.js';

export interface MemoryRow {
  /** `kubelet <node>` or `<pod>/<container>` (POD for a sandbox), or a floor's name. */
  component: string;
  processes: number;
  /** kB, medians over the samples. */
  vmRss: number;
  rssAnon: number;
  pss: number;
  /** Containers only. */
  cgroup?: CgroupMemory;
}

export interface Target {
  component: string;
  pids: () => Promise<number[]>;
  cgroup?: string;
}

async function pidFile(path: string): Promise<number | undefined> {
  const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The processes of a container, by the memory cgroup of its init process. */
export async function containerTarget(
  docker: Dockerode,
  id: string,
  component: string,
): Promise<Target> {
  const info = await docker.getContainer(id).inspect();
  const path = await cgroupPath(info.State.Pid, 'memory');
  if (!path) throw new Error(`no memory cgroup for container ${id} (pid ${info.State.Pid})`);
  return { component, cgroup: path, pids: () => cgroupProcs(path) };
}

export async function clusterTargets(
  docker: Dockerode,
  cluster: string,
  nodeRoots: Map<string, string>,
): Promise<Target[]> {
  const targets: Target[] = [];
  for (const [node, root] of nodeRoots) {
    targets.push({
      component: `kubelet ${node}`,
      pids: async () => {
        const pid = await pidFile(join(root, 'var/run/kubelet.pid'));
        return pid === undefined ? [] : withDescendants([pid], await processTable());
      },
    });
  }
  const containers = await docker.listContainers({
    filters: { label: [`io.kubelab.cluster=${cluster}`], status: ['running'] },
  });
  for (const c of containers) {
    const pod = c.Labels['io.kubernetes.pod.name'] ?? c.Names[0] ?? c.Id;
    const name = c.Labels['io.kubernetes.container.name'] ?? '?';
    targets.push(await containerTarget(docker, c.Id, `${pod}/${name}`));
  }
  return targets;
}

interface TargetSample {
  vmRss: number;
  rssAnon: number;
  pss: number;
  processes: number;
  pids: number[];
  cgroup?: CgroupMemory;
}

async function sampleTarget(t: Target): Promise<TargetSample> {
  const pids = await t.pids();
  const mems = (await Promise.all(pids.map(procMemory))).filter((m) => m !== undefined);
  const sum = (k: 'vmRss' | 'rssAnon' | 'pss'): number => mems.reduce((a, m) => a + m[k], 0);
  return {
    vmRss: sum('vmRss'),
    rssAnon: sum('rssAnon'),
    pss: sum('pss'),
    processes: mems.length,
    pids,
    cgroup: t.cgroup ? await cgroupMemory(t.cgroup) : undefined,
  };
}

export interface MemorySample {
  rows: MemoryRow[];
  /** kB of distinct physical pages mapped by all the targets' processes together (median). */
  distinctKb: number;
}

export async function sampleMemory(
  targets: Target[],
  samples: number,
  intervalMs: number,
): Promise<MemorySample> {
  const all: TargetSample[][] = targets.map(() => []);
  const distinct: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, intervalMs));
    const round = await Promise.all(targets.map(sampleTarget));
    round.forEach((s, j) => all[j]?.push(s));
    distinct.push(await distinctResidentKb(round.flatMap((s) => s.pids)));
  }
  const rows = targets.map((t, j): MemoryRow => {
    const s = all[j] ?? [];
    const med = (f: (x: TargetSample) => number): number => median(s.map(f));
    const cg = s.some((x) => x.cgroup)
      ? {
          rss: med((x) => x.cgroup?.rss ?? Number.NaN),
          mappedFile: med((x) => x.cgroup?.mappedFile ?? Number.NaN),
          cache: med((x) => x.cgroup?.cache ?? Number.NaN),
          usage: med((x) => x.cgroup?.usage ?? Number.NaN),
        }
      : undefined;
    return {
      component: t.component,
      processes: Math.max(0, ...s.map((x) => x.processes)),
      vmRss: med((x) => x.vmRss),
      rssAnon: med((x) => x.rssAnon),
      pss: med((x) => x.pss),
      cgroup: cg,
    };
  });
  return { rows, distinctKb: median(distinct) };
}

/** Rows folded into the report's components: each kubelet, each control-plane container, the sandboxes. */
export function groupRows(rows: MemoryRow[]): MemoryRow[] {
  const groups = new Map<string, MemoryRow>();
  for (const r of rows) {
    const key = r.component.startsWith('kubelet ')
      ? r.component
      : r.component.endsWith('/POD')
        ? 'pause (pod sandboxes)'
        : (r.component.split('/')[1] ?? r.component);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { ...r, component: key, cgroup: r.cgroup ? { ...r.cgroup } : undefined });
      continue;
    }
    g.processes += r.processes;
    g.vmRss += r.vmRss;
    g.rssAnon += r.rssAnon;
    g.pss += r.pss;
    if (g.cgroup && r.cgroup)
      for (const k of ['rss', 'mappedFile', 'cache', 'usage'] as const) g.cgroup[k] += r.cgroup[k];
  }
  return [...groups.values()];
}

export function totalRow(rows: MemoryRow[], component = 'total'): MemoryRow {
  const sum = (f: (r: MemoryRow) => number): number => rows.reduce((a, r) => a + f(r), 0);
  const withCg = rows.filter((r) => r.cgroup);
  return {
    component,
    processes: sum((r) => r.processes),
    vmRss: sum((r) => r.vmRss),
    rssAnon: sum((r) => r.rssAnon),
    pss: sum((r) => r.pss),
    cgroup: withCg.length
      ? {
          rss: sum((r) => r.cgroup?.rss ?? 0),
          mappedFile: sum((r) => r.cgroup?.mappedFile ?? 0),
          cache: sum((r) => r.cgroup?.cache ?? 0),
          usage: sum((r) => r.cgroup?.usage ?? 0),
        }
      : undefined,
  };
}
