/**
 * An in-process API server with Node objects and a kube-scheduler running against it through
 * the real component (flags, kubeconfig, leader election), for integration tests.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findResource, type Node, type Pod, type ResourceInfo, type Taint } from '@kubelab/api';
import { createRestClient, type ResourceClient, type RestClient } from '@kubelab/api/client';
import { loadKubeconfig } from '@kubelab/api/kubeconfig';
import { startTestCluster, type TestCluster } from '@kubelab/apiserver/testing';
import { runKubeScheduler } from '../../src/app/kube-scheduler.js';

export interface NodeSpec {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
}

export interface RunningScheduler {
  stderr: () => string;
  stop(): Promise<number>;
}

function info(group: string, plural: string): ResourceInfo {
  const i = findResource(group, 'v1', plural);
  if (!i) throw new Error(`no ${plural}`);
  return i;
}

export class SchedulerCluster {
  readonly rest: RestClient;
  readonly nodes: ResourceClient<Node>;
  private readonly schedulers: RunningScheduler[] = [];

  private constructor(readonly cluster: TestCluster) {
    this.rest = createRestClient(loadKubeconfig(cluster.identities.admin.kubeconfig));
    this.nodes = this.rest.resource<Node>(info('', 'nodes'));
  }

  static async start(): Promise<SchedulerCluster> {
    return new SchedulerCluster(await startTestCluster());
  }

  pods(namespace = 'default'): ResourceClient<Pod> {
    return this.rest.resource<Pod>(info('', 'pods'), namespace);
  }

  kubectl(args: string[], input?: string) {
    return this.cluster.kubectl(args, input === undefined ? {} : { input });
  }

  async addNode(n: NodeSpec): Promise<Node> {
    const capacity = { cpu: n.cpu ?? '4', memory: n.memory ?? '8Gi', pods: n.pods ?? '110' };
    const status: Node['status'] = {
      capacity,
      allocatable: capacity,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    };
    const created = await this.nodes.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', ...n.labels } },
      spec: n.taints ? { taints: n.taints } : {},
      status,
    });
    // The status goes through nodes/status, as the kubelet posts it.
    const withStatus = await this.nodes.updateStatus({ ...created, status });
    // TaintNodesByCondition admission taints new nodes not-ready; the node lifecycle controller
    // lifts it once the node is Ready. There is no controller here, so the test lifts it.
    return this.nodes.update({ ...withStatus, spec: { ...withStatus.spec, taints: n.taints ?? [] } });
  }

  /** Starts kube-scheduler (leader-elected unless told otherwise) with its kubeconfig. */
  async startScheduler(extraArgs: string[] = []): Promise<RunningScheduler> {
    const kubeconfig = join(this.cluster.dir, 'scheduler.conf');
    await writeFile(kubeconfig, await import('node:fs/promises').then((fs) => fs.readFile(this.cluster.identities.admin.kubeconfig)));
    let stderr = '';
    const ctl = new AbortController();
    const done = runKubeScheduler([`--kubeconfig=${kubeconfig}`, '--secure-port=0', ...extraArgs], {
      io: { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } },
      signal: ctl.signal,
    });
    const s: RunningScheduler = {
      stderr: () => stderr,
      stop: async () => {
        ctl.abort();
        return done;
      },
    };
    this.schedulers.push(s);
    return s;
  }

  async nodeOf(name: string, namespace = 'default'): Promise<string | undefined> {
    return (await this.pods(namespace).get(name)).spec?.nodeName || undefined;
  }

  async stop(): Promise<void> {
    await Promise.all(this.schedulers.map((s) => s.stop()));
    this.rest.close();
    await this.cluster.stop();
  }
}

export function podManifest(name: string, o: { cpu?: string; labels?: Record<string, string>; spec?: object } = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: o.labels ?? { app: name } },
    spec: {
      containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', ...(o.cpu ? { resources: { requests: { cpu: o.cpu } } } : {}) }],
      ...o.spec,
    },
  };
}
