/**
 * Figure 4: the kubelet's resident memory (VmRSS of its process) with 30 pods running, static
 * and API pods mixed, sampled once a second for 15 s after all of them are Running and Docker
 * has been quiet for 10 s. Floors: the same
 * kubelet with no pods (measured before any pod ran), and an idle Node.js process started the
 * way the harness starts the kubelet (node --conditions=development --import tsx), which is the
 * runtime's fixed cost.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Pod } from '@kubelab/api';
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import type { BenchApiClient } from './kubelet-api-client.js';
import type { DockerEventLog } from './kubelet-docker-events.js';
import { apiPod } from './kubelet-manifests.js';
import { allPresent, PodWatch } from './kubelet-pod-watch.js';
import { memoryStatus, processCpuMs } from './load-process-stats.js';
import { pause } from './kubelet-timing.js';

export const TOTAL_PODS = 30;

export interface RssSamples {
  /** VmRSS samples in MB (10^6 bytes). */
  rssMB: number[];
  /** VmHWM at the end: the peak so far. */
  peakMB: number;
  /** At the end: anonymous memory (heaps, buffers) and file-backed pages (the node binary). */
  anonMB: number;
  fileMB: number;
  /** CPU the process used while sampled, as a share of one core. */
  cpuShare: number;
}

/** Anonymous and file-backed resident memory, from /proc/<pid>/smaps_rollup. */
export function residentSplit(pid: number): { anonMB: number; fileMB: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1');
  const kb = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  const toMB = (k: number): number => (k * 1024) / 1e6;
  return { anonMB: toMB(kb('Anonymous')), fileMB: toMB(kb('Rss') - kb('Anonymous')) };
}

export function kubeletPid(lab: Lab, node: string): number {
  const pid = lab.nodes.get(node)?.process?.pid;
  if (pid === undefined) throw new Error(`kubelet ${node} is not running`);
  return pid;
}

/** VmRSS once a second for `seconds` seconds. */
export async function sampleRss(pid: number, seconds: number): Promise<RssSamples> {
  const rssMB: number[] = [];
  const cpu0 = processCpuMs(pid);
  const t0 = performance.now();
  for (let i = 0; i < seconds; i++) {
    await pause(1_000);
    rssMB.push(memoryStatus(pid).rssMB);
  }
  const cpuShare = (processCpuMs(pid) - cpu0) / (performance.now() - t0);
  return { rssMB, peakMB: memoryStatus(pid).peakRssMB, ...residentSplit(pid), cpuShare };
}

/** An idle Node.js process, started like the harness's kubelet (or without tsx): its RSS. */
export async function idleNodeRss(withTsx: boolean, seconds = 5): Promise<RssSamples> {
  const args = withTsx
    ? ['--conditions=development', '--import', 'tsx', '-e', 'setInterval(() => {}, 1000)']
    : ['-e', 'setInterval(() => {}, 1000)'];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    return await sampleRss(child.pid as number, seconds);
  } finally {
    child.kill('SIGKILL');
  }
}

/** Docker quiet this long before sampling: V8 gives back the heap a burst of work grew. */
export const SETTLE_MS = 10_000;

/** Adds API pods to the static pods already running until there are 30, all Running; then samples. */
export async function runMemory(
  lab: Lab,
  client: BenchApiClient,
  events: DockerEventLog,
  node: string,
  staticPods: string[],
  log: (m: string) => void,
): Promise<RssSamples & { apiPods: string[] }> {
  const apiPods = Array.from(
    { length: TOTAL_PODS - staticPods.length },
    (_, i) => `bench-mem-${i}`,
  );
  const watch = new PodWatch(client, 'default');
  await watch.start();
  try {
    const all = watch.until(
      allPresent([...staticPods, ...apiPods], true),
      180_000,
      `all ${TOTAL_PODS} pods Running`,
    );
    for (const n of apiPods)
      await client.expectOk<Pod>('POST', '/api/v1/namespaces/default/pods', apiPod(n, node));
    await all;
  } finally {
    watch.close();
  }
  await events.quiet(SETTLE_MS, 60_000);
  log(
    `  ${TOTAL_PODS} pods Running (${staticPods.length} static, ${apiPods.length} API); sampling the kubelet's RSS`,
  );
  return { ...(await sampleRss(kubeletPid(lab, node), 15)), apiPods };
}
