/**
 * The cluster the scheduler benchmark runs against: the API server built from its sources, in
 * its own process over LevelDB (as the API server benchmark runs it), an admin REST client,
 * and Node objects registered as a kubelet would (create, status, not-ready taint lifted).
 */
import { findResource, type Node, type ResourceInfo } from '@kubelab/api';
import { createRestClient, type ResourceClient, type RestClient } from '@kubelab/api/client';
import { fileURLToPath } from 'node:url';
import { buildApiServer } from './apiserver-build.js';
import { makeTempDir } from './apiserver-children.js';
import { startApiServer, writeServingPki, type ApiServerProcess } from './apiserver-process.js';
import { inParallel } from './scheduler-parallel.js';

export interface BenchCluster {
  server: ApiServerProcess;
  rest: RestClient;
  connection: Parameters<typeof createRestClient>[0];
  resource<T extends object>(group: string, plural: string, namespace?: string): ResourceClient<T>;
}

export function resourceInfo(group: string, plural: string): ResourceInfo {
  const info = findResource(group, 'v1', plural);
  if (!info) throw new Error(`${plural} are not in the resource table`);
  return info;
}

export async function startBenchCluster(): Promise<BenchCluster> {
  const entry = await buildApiServer(await makeTempDir('.scheduler-bench-build-', fileURLToPath(new URL('..', import.meta.url))));
  const pki = await writeServingPki(await makeTempDir('kubelab-scheduler-bench-pki-'));
  const server = await startApiServer({ entry, pki });
  const connection = { server: `https://127.0.0.1:${server.port}`, caData: Buffer.from(pki.caPem), token: server.token };
  const rest = createRestClient(connection, { userAgent: 'scheduler-bench' });
  return {
    server,
    rest,
    connection,
    resource: <T extends object>(group: string, plural: string, namespace?: string) => rest.resource<T>(resourceInfo(group, plural), namespace),
  };
}

/** Registers `count` nodes named node-000..: 32 CPUs, 128Gi, 110 pods, zones a-d. */
export async function registerNodes(c: BenchCluster, count: number, concurrency = 16): Promise<void> {
  const nodes = c.resource<Node>('', 'nodes');
  const capacity = { cpu: '32', memory: '128Gi', pods: '110' };
  await inParallel(count, concurrency, async (i) => {
    const name = `node-${String(i).padStart(3, '0')}`;
    const status: Node['status'] = {
      capacity,
      allocatable: capacity,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    };
    const created = await nodes.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `zone-${'abcd'[i % 4] ?? 'a'}` },
      },
      spec: {},
      status,
    });
    const withStatus = await nodes.updateStatus({ ...created, status });
    // No node lifecycle controller runs here to lift TaintNodesByCondition's not-ready taint.
    await nodes.update({ ...withStatus, spec: { ...withStatus.spec, taints: [] } });
  });
}

export async function createNamespace(c: BenchCluster, name: string): Promise<void> {
  await c.resource('', 'namespaces').create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}
