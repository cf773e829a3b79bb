/** Fixture builders for scheduler tests (kwok/scheduler testing helpers' MakePod/MakeNode). */
import type { Node, Pod, Taint, Toleration } from '@kubelab/api';
import { everythingSelector, labelSelectorFromMeta, type LabelSelectorMatcher } from '@kubelab/api';
import type { FrameworkHandle } from '../framework/handle.js';
import { NodeInfo } from '../framework/node-info.js';
import { PodInfo } from '../framework/pod-info.js';

export interface PodOptions {
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  nodeName?: string;
  priority?: number;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  spec?: Partial<NonNullable<Pod['spec']>>;
  ownerReferences?: NonNullable<Pod['metadata']>['ownerReferences'];
}

let seq = 0;

export function makePod(name: string, o: PodOptions = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu) requests['cpu'] = o.cpu;
  if (o.memory) requests['memory'] = o.memory;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', uid: o.uid ?? `uid-${name}-${++seq}` },
    spec: {
      schedulerName: 'default-scheduler',
      containers: [{ name: 'c', image: 'busybox', ...(o.cpu || o.memory ? { resources: { requests } } : {}) }],
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...o.spec,
    },
    status: { phase: 'Pending' },
  };
  if (o.labels) (pod.metadata as NonNullable<Pod['metadata']>).labels = o.labels;
  if (o.ownerReferences) (pod.metadata as NonNullable<Pod['metadata']>).ownerReferences = o.ownerReferences;
  return pod;
}

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}`, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' },
      capacity: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** A NodeInfo with these pods on it. */
export function nodeInfo(node: Node, pods: Pod[] = []): NodeInfo {
  const ni = new NodeInfo(node.metadata?.name ?? '', node);
  for (const p of pods) ni.addPod(new PodInfo({ ...p, spec: { ...p.spec, containers: p.spec?.containers ?? [], nodeName: node.metadata?.name ?? '' } }));
  return ni;
}

export interface TestHandleOptions {
  namespaces?: Record<string, Record<string, string>>;
  /** Label selectors (as LabelSelector objects) selecting pods for default spreading, by namespace. */
  spreadSelectors?: { namespace: string; selector: NonNullable<Pod['metadata']>['labels'] }[];
}

/** A FrameworkHandle over fixed NodeInfos. */
export function testHandle(nodes: NodeInfo[], o: TestHandleOptions = {}): FrameworkHandle {
  return {
    nodeInfos: () => nodes,
    nodeInfo: (name) => nodes.find((n) => n.name === name),
    namespaceLabels: (ns) => o.namespaces?.[ns] ?? {},
    namespacesMatching: (sel: LabelSelectorMatcher) =>
      Object.entries(o.namespaces ?? {})
        .filter(([, labels]) => sel.matches(labels))
        .map(([name]) => name),
    defaultSpreadSelector: (pod) => {
      const found = o.spreadSelectors?.find(
        (s) => s.namespace === pod.metadata?.namespace && labelSelectorFromMeta({ matchLabels: s.selector ?? {} }).matches(pod.metadata?.labels),
      );
      return found ? labelSelectorFromMeta({ matchLabels: found.selector ?? {} }) : undefined;
    },
  };
}

export { everythingSelector, PodInfo };
