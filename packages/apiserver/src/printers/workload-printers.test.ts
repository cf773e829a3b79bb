import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment, ReplicaSet } from '@kubelab/api';
import { daemonSetPrinter } from './daemon-set.js';
import { deploymentPrinter } from './deployment.js';
import { replicaSetPrinter } from './replica-set.js';
import { DAY, HOUR, NOW, ago } from './test-time.js';

type PodTemplateSpec = NonNullable<Deployment['spec']>['template'];
const template: PodTemplateSpec = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.27' },
      { name: 'sidecar', image: 'busybox:1.36' },
    ],
  },
};
const names = (cols: readonly { name: string; priority: number }[]) => cols.map((c) => `${c.name}:${c.priority}`);

describe('deployment printer', () => {
  const deploy = (spec: Partial<Deployment['spec']>, status?: Deployment['status']): Deployment => ({
    metadata: { name: 'web', creationTimestamp: ago(3 * HOUR) },
    spec: { selector: { matchLabels: { app: 'web' } }, template, ...spec },
    status,
  });

  it.each<[string, Deployment, unknown[]]>([
    [
      'rolled out',
      deploy({ replicas: 3 }, { replicas: 3, readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      ['web', '3/3', 3, 3, '3h', 'nginx,sidecar', 'nginx:1.27,busybox:1.36', 'app=web'],
    ],
    [
      'freshly created, no status yet, replicas defaulted to 1',
      deploy({}),
      ['web', '0/1', 0, 0, '3h', 'nginx,sidecar', 'nginx:1.27,busybox:1.36', 'app=web'],
    ],
    [
      'scaled to zero with an expression selector',
      deploy({ replicas: 0, selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] } }),
      ['web', '0/0', 0, 0, '3h', 'nginx,sidecar', 'nginx:1.27,busybox:1.36', 'tier in (be,fe)'],
    ],
    [
      'empty selector prints an empty cell',
      deploy({ replicas: 2, selector: {} }, { readyReplicas: 1, updatedReplicas: 2, availableReplicas: 1 }),
      ['web', '1/2', 2, 1, '3h', 'nginx,sidecar', 'nginx:1.27,busybox:1.36', ''],
    ],
    [
      'invalid selector',
      deploy({ selector: { matchExpressions: [{ key: 'tier', operator: 'In' }] } }),
      ['web', '0/1', 0, 0, '3h', 'nginx,sidecar', 'nginx:1.27,busybox:1.36', '<invalid>'],
    ],
  ])('%s', (_name, d, want) => {
    expect(deploymentPrinter.print(d, NOW).cells).toEqual(want);
  });

  it('has NAME READY UP-TO-DATE AVAILABLE AGE + wide CONTAINERS IMAGES SELECTOR', () => {
    expect(names(deploymentPrinter.columns)).toEqual([
      'Name:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });
});

describe('replicaset printer', () => {
  const rs = (replicas: number | undefined, status?: ReplicaSet['status']): ReplicaSet => ({
    metadata: { name: 'web-7d4b9c', creationTimestamp: ago(2 * DAY) },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c' } }, template },
    status: status ?? { replicas: 0 },
  });

  it.each<[string, ReplicaSet, unknown[]]>([
    ['steady', rs(3, { replicas: 3, readyReplicas: 2 }), ['web-7d4b9c', 3, 3, 2, '2d']],
    ['old replica set scaled down', rs(0), ['web-7d4b9c', 0, 0, 0, '2d']],
    ['replicas defaulted to 1', rs(undefined), ['web-7d4b9c', 1, 0, 0, '2d']],
  ])('%s', (_name, obj, want) => {
    const cells = replicaSetPrinter.print(obj, NOW).cells;
    expect(cells.slice(0, 5)).toEqual(want);
    expect(cells.slice(5)).toEqual(['nginx,sidecar', 'nginx:1.27,busybox:1.36', 'app=web,pod-template-hash=7d4b9c']);
  });

  it('has NAME DESIRED CURRENT READY AGE + wide', () => {
    expect(names(replicaSetPrinter.columns)).toEqual([
      'Name:0', 'Desired:0', 'Current:0', 'Ready:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
    expect(replicaSetPrinter.columns.slice(1, 4).map((c) => c.type)).toEqual(['integer', 'integer', 'integer']);
  });
});

describe('daemonset printer', () => {
  it.each<[string, DaemonSet, unknown[]]>([
    [
      'running on every node, with a node selector',
      {
        metadata: { name: 'kube-proxy', creationTimestamp: ago(5 * DAY) },
        spec: {
          selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
          template: { spec: { containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.0' }], nodeSelector: { 'kubernetes.io/os': 'linux' } } },
        },
        status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 },
      },
      ['kube-proxy', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '5d', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.0', 'k8s-app=kube-proxy'],
    ],
    [
      'new, no status counters, no node selector',
      {
        metadata: { name: 'agent', creationTimestamp: ago(30 * 1000) },
        spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { containers: [{ name: 'agent', image: 'agent:1' }] } } },
      },
      ['agent', 0, 0, 0, 0, 0, '<none>', '30s', 'agent', 'agent:1', 'app=agent'],
    ],
  ])('%s', (_name, ds, want) => {
    expect(daemonSetPrinter.print(ds, NOW).cells).toEqual(want);
  });

  it('has NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE + wide', () => {
    expect(names(daemonSetPrinter.columns)).toEqual([
      'Name:0', 'Desired:0', 'Current:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Node Selector:0', 'Age:0',
      'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });
});
