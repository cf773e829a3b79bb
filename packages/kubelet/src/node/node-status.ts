/**
 * The Node object and its status as the kubelet writes them (kubelet_node_status.go initialNode,
 * setNodeStatus): capacity, allocatable, conditions, addresses, daemon endpoints, nodeInfo.
 */
import type { Node, NodeCondition, NodeStatus } from '@kubelab/api';
import { rfc3339 } from '@kubelab/api';
import type { NodeFacts } from './node-info.js';
import { KUBELET_VERSION } from './node-info.js';

export function initialNode(f: NodeFacts): Node {
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: f.nodeName,
      labels: f.labels,
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true', ...f.annotations },
    },
    spec: {},
  };
  if (f.taints.length) (node.spec ??= {}).taints = f.taints;
  return node;
}

const CONDITIONS: { type: string; status: 'True' | 'False'; reason: string; message: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/** The status to post; transition times carry over from `previous` where nothing changed. */
export function buildNodeStatus(f: NodeFacts, now: number, previous: NodeStatus | undefined): NodeStatus {
  const nowText = rfc3339(now);
  const conditions: NodeCondition[] = CONDITIONS.map((c) => {
    const prev = previous?.conditions?.find((p) => p.type === c.type);
    const keep = prev && prev.status === c.status && prev.reason === c.reason;
    return {
      type: c.type,
      status: c.status,
      lastHeartbeatTime: nowText,
      lastTransitionTime: keep && prev.lastTransitionTime ? prev.lastTransitionTime : nowText,
      reason: c.reason,
      message: c.message,
    };
  });
  return {
    capacity: f.capacity,
    allocatable: f.allocatable,
    conditions,
    addresses: [
      { type: 'InternalIP', address: f.nodeIp },
      { type: 'Hostname', address: f.nodeName },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: f.kubeletPort } },
    nodeInfo: {
      machineID: f.machineId,
      systemUUID: f.systemUuid,
      bootID: f.bootId,
      kernelVersion: f.kernelVersion,
      osImage: f.osImage,
      containerRuntimeVersion: f.runtimeVersion,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}

/** Whether a status differs from the last one written apart from heartbeat times. */
export function nodeStatusChanged(a: NodeStatus | undefined, b: NodeStatus): boolean {
  if (!a) return true;
  const strip = (s: NodeStatus): string =>
    JSON.stringify({ ...s, conditions: s.conditions?.map((c) => ({ ...c, lastHeartbeatTime: undefined })) });
  return strip(a) !== strip(b);
}
