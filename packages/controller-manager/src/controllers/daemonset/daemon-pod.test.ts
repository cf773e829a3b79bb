import type { DaemonSet, Node, Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  daemonPodTemplate,
  nodeNameAffinity,
  nodeShouldRunDaemonPod,
  targetNodeName,
} from './daemon-pod.js';

const ds = (
  spec: Partial<NonNullable<NonNullable<DaemonSet['spec']>['template']['spec']>> = {},
): DaemonSet => ({
  metadata: {
    name: 'agent',
    namespace: 'kube-system',
    annotations: { 'deprecated.daemonset.template.generation': '2' },
  },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { containers: [{ name: 'a', image: 'busybox' }], ...spec },
    },
  },
});

const node = (
  name: string,
  o: { labels?: Record<string, string>; taints?: NonNullable<Node['spec']>['taints'] } = {},
): Node => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
  spec: o.taints ? { taints: o.taints } : {},
});

describe('nodeShouldRunDaemonPod', () => {
  it('runs everywhere the daemon tolerates, including not-ready, unreachable and cordoned nodes', () => {
    expect(nodeShouldRunDaemonPod(node('n1'), ds())).toEqual({
      shouldRun: true,
      shouldContinueRunning: true,
    });
    const sick = node('n2', {
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
      ],
    });
    expect(nodeShouldRunDaemonPod(sick, ds()).shouldRun).toBe(false); // not-ready NoSchedule is not tolerated
    expect(
      nodeShouldRunDaemonPod(
        node('n3', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }),
        ds(),
      ).shouldRun,
    ).toBe(true);
  });

  it('keeps running pods on NoSchedule taints but not on untolerated NoExecute ones', () => {
    const cp = node('cp', {
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    });
    expect(nodeShouldRunDaemonPod(cp, ds())).toEqual({
      shouldRun: false,
      shouldContinueRunning: true,
    });
    const evicting = node('x', {
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }],
    });
    expect(nodeShouldRunDaemonPod(evicting, ds())).toEqual({
      shouldRun: false,
      shouldContinueRunning: false,
    });
    const tolerating = ds({
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
    });
    expect(nodeShouldRunDaemonPod(cp, tolerating).shouldRun).toBe(true);
  });

  it('honours nodeSelector, required node affinity and a pinned nodeName', () => {
    const gpu = ds({ nodeSelector: { gpu: 'true' } });
    expect(nodeShouldRunDaemonPod(node('a'), gpu).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(node('b', { labels: { gpu: 'true' } }), gpu).shouldRun).toBe(
      true,
    );
    const affinity = ds({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['z1'] }] },
            ],
          },
        },
      },
    });
    expect(nodeShouldRunDaemonPod(node('c', { labels: { zone: 'z1' } }), affinity).shouldRun).toBe(
      false,
    );
    expect(nodeShouldRunDaemonPod(node('d', { labels: { zone: 'z2' } }), affinity).shouldRun).toBe(
      true,
    );
    expect(nodeShouldRunDaemonPod(node('e'), ds({ nodeName: 'f' })).shouldRun).toBe(false);
  });
});

describe('daemon pod template', () => {
  it('adds the upstream tolerations and labels', () => {
    const t = daemonPodTemplate(ds({ hostNetwork: true }), 'abc123');
    expect(t.metadata?.labels).toEqual({
      app: 'agent',
      'pod-template-generation': '2',
      'controller-revision-hash': 'abc123',
    });
    expect(t.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  it('pins pods with a metadata.name matchFields term, replacing required terms', () => {
    const a = nodeNameAffinity(
      {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }],
          },
        },
      },
      'node-1',
    );
    expect(
      a.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms,
    ).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }]);
    const pod: Pod = { spec: { containers: [], affinity: a } };
    expect(targetNodeName(pod)).toBe('node-1');
    expect(targetNodeName({ spec: { containers: [], nodeName: 'node-2', affinity: a } })).toBe(
      'node-2',
    );
  });
});
