/**
 * Figure 4 without the harness's tsx loader, and what would bring it down: the same node, the
 * same 30 pods, the kubelet bundled and run with plain `node` (as a deployed kubelet runs), then
 * variants (dockerode's unused ssh2/gRPC left out; V8 flags that keep the young generation
 * small). Each takes over the node from the previous one, adopting the running containers, and
 * its VmRSS is sampled once the runtime is quiet; then its inspector is opened (SIGUSR1) to read
 * its V8 heap and external memory before and after a full GC. Optionally with V8's sampling
 * heap profiler.
 */
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import { freePort } from '../../packages/kubelet/test/harness/lab.js';
import type { BenchApiClient } from './kubelet-api-client.js';
import { KUBELET_NODE_FLAGS } from '../../packages/cli/src/cluster/kubelet-process.js';
import { replaceWithBundledKubelet } from './kubelet-build.js';
import type { DockerEventLog } from './kubelet-docker-events.js';
import { summarizeHeapProfile, type HeapSite } from './kubelet-heap-profile.js';
import { InspectorSession, type MemoryUsage } from './kubelet-inspector.js';
import { residentSplit, sampleRss, SETTLE_MS, type RssSamples } from './kubelet-memory.js';
import { memoryStatus } from './load-process-stats.js';
import { pause } from './kubelet-timing.js';
import { allPresent, PodWatch } from './kubelet-pod-watch.js';

export interface KubeletVariant {
  label: string;
  slim: boolean;
  nodeArgs: string[];
  /** The kubelet as `kubelab create cluster` runs it: the figure the target is judged on. */
  shipped?: boolean;
}

export const VARIANTS: KubeletVariant[] = [
  { label: 'bundled, plain node', slim: false, nodeArgs: [] },
  { label: 'bundled without ssh2/gRPC', slim: true, nodeArgs: [] },
  {
    label: `as kubelab runs it: bundled without ssh2/gRPC, ${KUBELET_NODE_FLAGS.join(' ')}`,
    slim: true,
    nodeArgs: [...KUBELET_NODE_FLAGS],
    shipped: true,
  },
  {
    label: 'bundled without ssh2/gRPC, --optimize-for-size',
    slim: true,
    nodeArgs: ['--optimize-for-size'],
  },
];

export interface BundledMemory extends RssSamples {
  label: string;
  shipped: boolean;
  /** Containers Docker started after the takeover (0: everything adopted as it was). */
  containersStarted: number;
  /** After the samples, the process's own view, before and after a full GC (through the inspector). */
  beforeGc: MemoryUsage;
  afterGc: MemoryUsage & { anonMB: number; fileMB: number };
  /** With a heap profile: live bytes sampled at exit, by allocation site. */
  heap?: { totalBytes: number; sites: HeapSite[] };
}

/**
 * Opens the inspector of a process started with --inspect-port (SIGUSR1, as `node inspect -p`
 * does), reads process.memoryUsage(), forces a full GC, and reads it again with VmRSS.
 */
async function gcAndLook(
  pid: number,
  port: number,
): Promise<Pick<BundledMemory, 'beforeGc' | 'afterGc'>> {
  process.kill(pid, 'SIGUSR1');
  let session: InspectorSession | undefined;
  for (let i = 0; i < 50 && !session; i++) {
    session = await InspectorSession.connect(port).catch(() => undefined);
    if (!session) await pause(100);
  }
  if (!session) throw new Error(`the inspector of ${pid} did not open on port ${port}`);
  try {
    const beforeGc = await session.memoryUsage();
    await session.collectGarbage();
    await pause(1_000);
    const after = await session.memoryUsage();
    return {
      beforeGc,
      afterGc: { ...after, rss: memoryStatus(pid).rssMB * 1e6, ...residentSplit(pid) },
    };
  } finally {
    session.close();
  }
}

export async function bundledKubeletMemory(
  lab: Lab,
  client: BenchApiClient,
  events: DockerEventLog,
  node: string,
  pods: string[],
  variant: KubeletVariant,
  log: (m: string) => void,
  heapProfileDir?: string,
): Promise<BundledMemory> {
  const mark = events.mark();
  const profile = heapProfileDir
    ? ['--heap-prof', `--heap-prof-dir=${heapProfileDir}`, '--heap-prof-interval=32768']
    : [];
  const inspectPort = await freePort();
  const kubelet = await replaceWithBundledKubelet(lab, node, {
    slim: variant.slim,
    nodeArgs: [...variant.nodeArgs, ...profile, `--inspect-port=127.0.0.1:${inspectPort}`],
  });
  try {
    // Whatever the new kubelet does to the containers first, then a quiet runtime.
    await events.quiet(SETTLE_MS, 60_000);
    const watch = new PodWatch(client, 'default');
    await watch.start();
    await watch
      .until(allPresent(pods, true), 60_000, 'all pods Running')
      .finally(() => watch.close());
    const containersStarted = events.since(mark, (e) => e.action === 'start').length;
    log(
      `  ${variant.label} (pid ${kubelet.process.pid}) runs the ${pods.length} pods (${containersStarted} containers started by the takeover); sampling its RSS`,
    );
    const samples = await sampleRss(kubelet.process.pid as number, 15);
    const looked = await gcAndLook(kubelet.process.pid as number, inspectPort);
    // SIGTERM: a clean exit, which also writes the heap profile.
    await kubelet.stop();
    const heap = heapProfileDir
      ? summarizeHeapProfile(heapProfileDir, kubelet.bundleFile)
      : undefined;
    return {
      ...samples,
      ...looked,
      label: variant.label,
      shipped: variant.shipped === true,
      containersStarted,
      ...(heap ? { heap } : {}),
    };
  } finally {
    await kubelet.dispose();
  }
}
