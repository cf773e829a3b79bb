/**
 * Builds a running kubelet from its configuration: the Docker runtime, pod sources, pod config,
 * PLEG, syncer, status manager, mirror client, node agent and (with an API server) the API
 * client, availability gate and event recorder.
 */
import os from 'node:os';
import type { Clock, Logger, Node, Pod } from '@kubelab/api';
import { findResource, noopLogger, realClock } from '@kubelab/api';
import type { ResourceInfo } from '@kubelab/api';
import type { RestClient } from '@kubelab/api/client';
import { ApiAvailability } from './api/api-availability.js';
import { KubeletApi } from './api/kubelet-api.js';
import { ApiserverSource } from './config/apiserver-source.js';
import { FileSource } from './config/file-source.js';
import { HttpSource } from './config/http-source.js';
import type { KubeletConfiguration } from './config/kubelet-config.js';
import { PodConfig } from './config/pod-config.js';
import type { PodSource } from './config/pod-source.js';
import { ApiEventRecorder } from './events/api-event-recorder.js';
import type { EventRecorder } from './events/event-recorder.js';
import { nullRecorder } from './events/event-recorder.js';
import { Kubelet } from './kubelet.js';
import { ImagePuller } from './kuberuntime/image-puller.js';
import { PodSyncer } from './kuberuntime/pod-syncer.js';
import { NodeAgent } from './node/node-agent.js';
import { defaultNodeLabels, nodeCapacity, systemFacts } from './node/node-info.js';
import type { NodeFacts } from './node/node-info.js';
import type { NodeRoot } from './node-root.js';
import { GenericPleg } from './pleg/generic-pleg.js';
import { ApiMirrorClient } from './pod/mirror-client.js';
import { PodManager } from './pod/pod-manager.js';
import { ProbeManagerImpl } from './prober/probe-manager.js';
import type { ContainerRuntime } from './runtime/container-runtime.js';
import { StatusManager } from './status/status-manager.js';
import { Backoff, CRASH_BACKOFF, IMAGE_BACKOFF } from './util/backoff.js';
import { HostVolumeManager } from './volumes/host-volume-manager.js';

export interface KubeletAppOptions {
  nodeName: string;
  nodeIp: string;
  config: KubeletConfiguration;
  nodeRoot: NodeRoot;
  runtime: ContainerRuntime;
  /** Undefined: standalone (static pods only, no API server). */
  client: RestClient | undefined;
  nodeLabels: Record<string, string>;
  clusterCaPem?: string;
  clock: Clock;
  logger: Logger;
}

export interface KubeletApp {
  kubelet: Kubelet;
  podManager: PodManager;
  statusManager: StatusManager;
  pleg: GenericPleg;
  api: KubeletApi | undefined;
  runtime: ContainerRuntime;
  nodeAgent: NodeAgent | undefined;
  availability: ApiAvailability | undefined;
  stop(): void;
}

export async function buildKubelet(o: KubeletAppOptions): Promise<KubeletApp> {
  const { clock, logger, config } = o;
  const api = o.client ? new KubeletApi(o.client) : undefined;
  const availability = o.client
    ? new ApiAvailability({
        probe: async () => {
          await o.client?.request({ method: 'GET', path: '/readyz', timeoutMs: 2000 });
        },
        clock,
        logger: logger.named('kubelet_node_status.go'),
      })
    : undefined;
  const recorder: EventRecorder =
    api && availability
      ? new ApiEventRecorder({ api, availability, clock, logger: logger.named('event.go'), component: 'kubelet', host: o.nodeName })
      : nullRecorder;
  const runtimeVersion = await o.runtime.version();
  const podManager = new PodManager();
  const objects = {
    getConfigMap: async (ns: string, name: string) => (api ? api.getConfigMap(ns, name) : undefined),
    getSecret: async (ns: string, name: string) => (api ? api.getSecret(ns, name) : undefined),
  };
  const volumes = new HostVolumeManager({ nodeRoot: o.nodeRoot, objects, clusterCaPem: o.clusterCaPem, clock, logger: logger.named('volume_manager.go') });
  const prober = new ProbeManagerImpl({
    execSync: (id, cmd, timeoutMs) => o.runtime.execSync(id, cmd, timeoutMs),
    recorder,
    clock,
    logger: logger.named('prober.go'),
  });
  // Callbacks created before the Kubelet exists reach it through this holder.
  const holder: { kubelet?: Kubelet } = {};
  const pleg = new GenericPleg(o.runtime, (uids) => holder.kubelet?.onRuntimeChange(uids), clock, logger.named('generic.go'));
  const syncer = new PodSyncer({
    runtime: o.runtime,
    volumes,
    prober,
    recorder,
    images: new ImagePuller(o.runtime, recorder, new Backoff(clock, IMAGE_BACKOFF.initialMs, IMAGE_BACKOFF.maxMs), clock),
    crashBackoff: new Backoff(clock, CRASH_BACKOFF.initialMs, CRASH_BACKOFF.maxMs),
    nodeRoot: o.nodeRoot,
    nodeName: o.nodeName,
    nodeIp: o.nodeIp,
    envContext: objects,
    dns: config.clusterDNS.length
      ? { servers: config.clusterDNS, searches: config.clusterDomain ? [`svc.${config.clusterDomain}`, config.clusterDomain] : [], options: ['ndots:5'] }
      : undefined,
    clock,
    logger: logger.named('kuberuntime_manager.go'),
  });
  const statusManager = new StatusManager({
    pods: podManager,
    writer: api ?? { patchPodStatus: async () => {}, deletePod: async () => {} },
    availability: availability ?? alwaysUp(),
    clock,
    logger: logger.named('status_manager.go'),
  });

  const { capacity, allocatable } = nodeCapacity({ cpu: config.capacity.cpu, memory: config.capacity.memory, pods: config.capacity.pods ?? config.maxPods });
  const sys = systemFacts(o.nodeName);
  const facts = (): NodeFacts => ({
    nodeName: o.nodeName,
    nodeIp: o.nodeIp,
    kubeletPort: config.port,
    runtimeVersion,
    capacity,
    allocatable,
    labels: defaultNodeLabels(o.nodeName, o.nodeLabels),
    annotations: {},
    taints: config.registerWithTaints,
    ...sys,
  });
  const nodeAgent =
    api && availability && config.registerNode
      ? new NodeAgent({
          facts,
          api,
          availability,
          clock,
          logger: logger.named('kubelet_node_status.go'),
          statusUpdateMs: config.nodeStatusUpdateFrequency,
          statusReportMs: config.nodeStatusReportFrequency,
          leaseDurationSeconds: config.nodeLeaseDurationSeconds,
          onNode: (n: Node) => holder.kubelet?.onNode(n),
        })
      : undefined;

  const sources: PodSource[] = [];
  if (config.staticPodPath) {
    sources.push(
      new FileSource({
        path: o.nodeRoot.hostPath(config.staticPodPath),
        nodePath: config.staticPodPath,
        nodeName: o.nodeName,
        fileCheckFrequencyMs: config.fileCheckFrequency,
        clock,
        logger: logger.named('file.go'),
        recorder,
      }),
    );
  }
  if (config.staticPodURL) {
    sources.push(
      new HttpSource({
        url: config.staticPodURL,
        headers: config.staticPodURLHeader,
        nodeName: o.nodeName,
        httpCheckFrequencyMs: config.httpCheckFrequency,
        clock,
        logger: logger.named('http.go'),
      }),
    );
  }
  if (o.client) {
    const pods = o.client.resource<Pod>(findResource('', 'v1', 'pods') as ResourceInfo);
    sources.push(new ApiserverSource({ client: pods, nodeName: o.nodeName, clock, logger: logger.named('apiserver.go'), backoff: { initialMs: 100, maxMs: 1000 } }));
  }
  const podConfig = new PodConfig({ clock, logger: logger.named('config.go'), recorder });
  const kubelet = new Kubelet({
    nodeName: o.nodeName,
    nodeIp: o.nodeIp,
    clock,
    logger: logger.named('kubelet.go'),
    podConfig,
    sources,
    podManager,
    pleg,
    syncer,
    statusManager,
    prober,
    volumes,
    mirrorClient: api ? new ApiMirrorClient(api) : undefined,
    availability,
    currentNode: () => nodeAgent?.current(),
    syncFrequencyMs: config.syncFrequency,
  });
  holder.kubelet = kubelet;
  availability?.onChange((up) => {
    if (up) nodeAgent?.poke();
  });
  return {
    kubelet,
    podManager,
    statusManager,
    pleg,
    api,
    runtime: o.runtime,
    nodeAgent,
    availability,
    stop() {
      kubelet.stop();
      nodeAgent?.stop();
      availability?.stop();
    },
  };
}

export async function startKubelet(app: KubeletApp): Promise<void> {
  app.availability?.start();
  app.nodeAgent?.start();
  await app.kubelet.start();
}

/** Standalone kubelets have no API server: a gate that is always open. */
function alwaysUp(): ApiAvailability {
  const a = new ApiAvailability({ probe: async () => {}, clock: realClock, logger: noopLogger });
  a.reportUp();
  return a;
}

export function defaultNodeIp(): string {
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}
