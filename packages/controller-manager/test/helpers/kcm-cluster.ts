/**
 * An in-process API server with kube-controller-manager running against it through the real
 * component (flags, kubeconfig), plus what kubelets would do: Node objects that heartbeat
 * through kube-node-lease Leases (stoppable), and pods marked Running and Ready.
 */
import {
  findResource,
  rfc3339,
  rfc3339Micro,
  type Lease,
  type Node,
  type Pod,
  type ResourceInfo,
  type Taint,
} from '@kubelab/api';
import {
  createRestClient,
  type KubeObject,
  type ResourceClient,
  type RestClient,
} from '@kubelab/api/client';
import { createInformer, type Informer } from '@kubelab/api/informer';
import { loadKubeconfig } from '@kubelab/api/kubeconfig';
import { startTestCluster, type TestCluster } from '@kubelab/apiserver/testing';
import { runKubeControllerManager } from '../../src/app/kube-controller-manager.js';
import { readyStatus } from '../../src/testing/fake-kubelet.js';
import { waitFor } from '../../src/testing/wait-for.js';

export function resource(group: string, plural: string): ResourceInfo {
  const i = findResource(group, 'v1', plural);
  if (!i) throw new Error(`no ${plural}`);
  return i;
}

export const PODS = resource('', 'pods');
export const NODES = resource('', 'nodes');
export const LEASES = resource('coordination.k8s.io', 'leases');

export interface RunningKcm {
  stderr: () => string;
  stop(): Promise<number>;
}

export class KcmCluster {
  readonly rest: RestClient;
  private readonly kcms: RunningKcm[] = [];
  private readonly heartbeats = new Map<string, NodeJS.Timeout>();
  /** Nodes whose kubelet is "down": their pods are left alone. */
  readonly deadNodes = new Set<string>();
  private podInformer: Informer<Pod> | undefined;

  private constructor(readonly cluster: TestCluster) {
    this.rest = createRestClient(loadKubeconfig(cluster.identities.admin.kubeconfig));
  }

  static async start(): Promise<KcmCluster> {
    return new KcmCluster(await startTestCluster());
  }

  client<T extends KubeObject>(info: ResourceInfo, namespace?: string): ResourceClient<T> {
    return this.rest.resource<T>(info, namespace);
  }

  kubectl(args: string[], input?: string) {
    return this.cluster.kubectl(args, input === undefined ? {} : { input });
  }

  /** Starts kube-controller-manager (without leader election unless asked) with the admin kubeconfig. */
  startControllerManager(extraArgs: string[] = []): RunningKcm {
    let stderr = '';
    const ctl = new AbortController();
    const done = runKubeControllerManager(
      [
        `--kubeconfig=${this.cluster.identities.admin.kubeconfig}`,
        '--secure-port=0',
        '--leader-elect=false',
        ...extraArgs,
      ],
      {
        io: { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } },
        signal: ctl.signal,
      },
    );
    const k: RunningKcm = {
      stderr: () => stderr,
      stop: async () => {
        ctl.abort();
        return done;
      },
    };
    this.kcms.push(k);
    return k;
  }

  /** Marks every pod that appears Running and Ready, as its kubelet would (not on dead nodes). */
  async runFakeKubelets(): Promise<void> {
    const inf = createInformer<Pod>({ client: this.client<Pod>(PODS) });
    this.podInformer = inf;
    const mark = (pod: Pod): void => {
      if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Running') return;
      if (pod.spec?.nodeName && this.deadNodes.has(pod.spec.nodeName)) return;
      void this.client<Pod>(PODS, pod.metadata?.namespace)
        .updateStatus({ ...pod, status: { ...pod.status, ...readyStatus(Date.now() - 1000) } })
        .catch(() => undefined);
    };
    inf.on('add', mark);
    inf.on('update', mark);
    inf.start();
    await inf.waitForSync();
  }

  /** Registers a Ready node (Leases renewed every second) as a kubelet would. */
  async addNode(
    name: string,
    o: { labels?: Record<string, string>; taints?: Taint[] } = {},
  ): Promise<Node> {
    const nodes = this.client<Node>(NODES);
    const created = await nodes.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...o.labels },
      },
      spec: o.taints ? { taints: o.taints } : {},
    });
    await this.postReady(name);
    await this.client<Lease>(LEASES, 'kube-node-lease').create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name,
        namespace: 'kube-node-lease',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Node', name, uid: created.metadata?.uid ?? '' },
        ],
      },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(Date.now()) },
    });
    this.resumeHeartbeat(name);
    return created;
  }

  /** Posts Ready=True with a fresh heartbeat (the kubelet's node status update). */
  async postReady(name: string): Promise<void> {
    const nodes = this.client<Node>(NODES);
    const now = rfc3339(Date.now());
    for (let attempt = 0; ; attempt++) {
      const cur = await nodes.get(name);
      const conditions = (cur.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
      const was = cur.status?.conditions?.find((c) => c.type === 'Ready');
      conditions.push({
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: now,
        lastTransitionTime: was?.status === 'True' ? (was.lastTransitionTime ?? now) : now,
      });
      const capacity = { cpu: '4', memory: '8Gi', pods: '110' };
      try {
        await nodes.updateStatus({
          ...cur,
          status: { ...cur.status, capacity, allocatable: capacity, conditions },
        });
        return;
      } catch (err) {
        if (attempt > 5) throw err;
      }
    }
  }

  stopHeartbeat(name: string): void {
    clearInterval(this.heartbeats.get(name));
    this.heartbeats.delete(name);
    this.deadNodes.add(name);
  }

  resumeHeartbeat(name: string): void {
    this.deadNodes.delete(name);
    const leases = this.client<Lease>(LEASES, 'kube-node-lease');
    const renew = async (): Promise<void> => {
      const l = await leases.get(name);
      await leases.update({ ...l, spec: { ...l.spec, renewTime: rfc3339Micro(Date.now()) } });
    };
    this.heartbeats.set(
      name,
      setInterval(() => void renew().catch(() => undefined), 1000),
    );
  }

  waitFor<T>(
    what: string,
    check: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs = 60_000,
  ): Promise<T> {
    return waitFor(what, check, { timeoutMs, intervalMs: 100 });
  }

  async stop(): Promise<void> {
    for (const t of this.heartbeats.values()) clearInterval(t);
    this.podInformer?.stop();
    await Promise.all(this.kcms.map((k) => k.stop()));
    this.rest.close();
    await this.cluster.stop();
  }
}
