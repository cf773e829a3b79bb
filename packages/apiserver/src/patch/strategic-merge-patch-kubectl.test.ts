/**
 * Strategic merge patches exactly as kubectl 1.32 sends them (bodies captured from
 * `kubectl -v=9` against a loopback server), applied to live objects of the built-in kinds.
 */
import { describe, expect, it } from 'vitest';
import type { JsonMap } from './json-value.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };
const NODE = { group: '', version: 'v1', kind: 'Node' };
const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

const livePod = (): JsonMap => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'u-1',
    labels: { app: 'web' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}\n' },
    finalizers: ['example.com/a', 'example.com/b'],
  },
  spec: {
    nodeName: 'node-1',
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.25',
        ports: [
          { containerPort: 80, protocol: 'TCP' },
          { containerPort: 443, protocol: 'TCP' },
        ],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        terminationMessagePath: '/dev/termination-log',
      },
      { name: 'side', image: 'busybox' },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [
      { key: 'k1', operator: 'Exists' },
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ],
  },
  status: { phase: 'Running' },
});

const liveDeployment = (): JsonMap => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'd-1', generation: 1 },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25' },
          { name: 'side', image: 'busybox' },
        ],
      },
    },
  },
  status: {
    conditions: [
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: 'True' },
    ],
  },
});

const liveNode = (): JsonMap => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1', uid: 'n-1', labels: { 'kubernetes.io/hostname': 'node-1' } },
  spec: {
    podCIDR: '10.244.0.0/24',
    unschedulable: true,
    taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }],
  },
  status: {
    conditions: [
      { type: 'Ready', status: 'False', reason: 'KubeletNotReady' },
      { type: 'MemoryPressure', status: 'False' },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'node-1' },
    ],
  },
});

const get = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], o);

describe('kubectl apply', () => {
  it('changes image and labels (setElementOrder keeps the order, other fields stay)', () => {
    const patch = JSON.parse(
      '{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"new\\":1}\\n"},"labels":{"tier":"fe"}},' +
        '"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"side"}],"containers":[{"image":"nginx:1.26","name":"nginx"}],' +
        '"tolerations":[{"key":"k1","operator":"Exists"}]}}',
    ) as JsonMap;
    const out = applyStrategicMergePatch(livePod(), patch, POD);
    const expected = livePod();
    (get(expected, 'metadata', 'labels') as JsonMap)['tier'] = 'fe';
    (get(expected, 'metadata', 'annotations') as JsonMap)[
      'kubectl.kubernetes.io/last-applied-configuration'
    ] = '{"new":1}\n';
    (get(expected, 'spec', 'containers', 0) as JsonMap)['image'] = 'nginx:1.26';
    (get(expected, 'spec') as JsonMap)['tolerations'] = [{ key: 'k1', operator: 'Exists' }];
    expect(out).toEqual(expected);
  });

  it('removes env vars and ports, adds volumes, reorders containers and edits finalizers', () => {
    const patch = JSON.parse(
      '{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"$setElementOrder/finalizers":["example.com/b","example.com/c"],' +
        '"finalizers":["example.com/c"],"labels":{"tier":"fe"}},"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"nginx"}],' +
        '"$setElementOrder/volumes":[{"name":"data"},{"name":"cfg"}],"containers":[{"$setElementOrder/env":[{"name":"C"},{"name":"A"}],' +
        '"$setElementOrder/ports":[{"containerPort":80},{"containerPort":8080}],"env":[{"name":"C","value":"3"},{"$patch":"delete","name":"B"}],' +
        '"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":8080},{"$patch":"delete","containerPort":443}]}],' +
        '"tolerations":[{"key":"k2","operator":"Exists"}],"volumes":[{"configMap":{"name":"cfg"},"name":"cfg"}]}}',
    ) as JsonMap;
    const out = applyStrategicMergePatch(livePod(), patch, POD);
    expect(get(out, 'metadata', 'finalizers')).toEqual(['example.com/b', 'example.com/c']);
    expect(get(out, 'metadata', 'labels')).toEqual({ app: 'web', tier: 'fe' });
    expect(get(out, 'spec', 'containers')).toEqual([
      { name: 'side', image: 'busybox' },
      {
        name: 'nginx',
        image: 'nginx:1.26',
        ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 8080 }],
        env: [
          { name: 'C', value: '3' },
          { name: 'A', value: '1' },
        ],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        terminationMessagePath: '/dev/termination-log',
      },
    ]);
    expect(get(out, 'spec', 'volumes')).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg' } },
    ]);
    expect(get(out, 'spec', 'tolerations')).toEqual([{ key: 'k2', operator: 'Exists' }]);
    expect(JSON.stringify(out)).not.toContain('$');
  });
});

describe('kubectl set / rollout', () => {
  it('set image replaces one container image in the template', () => {
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }],
            containers: [{ image: 'nginx:1.27', name: 'nginx' }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(liveDeployment(), patch, DEPLOYMENT);
    expect(get(out, 'spec', 'template', 'spec', 'containers')).toEqual([
      { name: 'nginx', image: 'nginx:1.27' },
      { name: 'side', image: 'busybox' },
    ]);
  });

  it('set env adds an env var to the named container only', () => {
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }],
            containers: [{ env: [{ name: 'FOO', value: 'bar' }], name: 'nginx' }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(liveDeployment(), patch, DEPLOYMENT);
    expect(get(out, 'spec', 'template', 'spec', 'containers')).toEqual([
      { name: 'nginx', image: 'nginx:1.25', env: [{ name: 'FOO', value: 'bar' }] },
      { name: 'side', image: 'busybox' },
    ]);
  });

  it('rollout restart adds the restartedAt template annotation', () => {
    const patch = {
      spec: {
        template: {
          metadata: {
            annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-28T00:00:06Z' },
          },
        },
      },
    };
    const out = applyStrategicMergePatch(liveDeployment(), patch, DEPLOYMENT);
    expect(get(out, 'spec', 'template', 'metadata')).toEqual({
      labels: { app: 'web' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-28T00:00:06Z' },
    });
  });

  it('$retainKeys on the deployment strategy clears rollingUpdate', () => {
    const patch = { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } };
    expect(
      get(applyStrategicMergePatch(liveDeployment(), patch, DEPLOYMENT), 'spec', 'strategy'),
    ).toEqual({ type: 'Recreate' });
  });

  it('status conditions merge by type', () => {
    const patch = {
      status: { conditions: [{ type: 'Progressing', status: 'False', reason: 'Stuck' }] },
    };
    expect(
      get(applyStrategicMergePatch(liveDeployment(), patch, DEPLOYMENT), 'status', 'conditions'),
    ).toEqual([
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: 'False', reason: 'Stuck' },
    ]);
  });
});

describe('kubectl cordon / uncordon / taint', () => {
  it.each<[string, JsonMap, (out: JsonMap) => unknown, unknown]>([
    ['cordon', { spec: { unschedulable: true } }, (o) => get(o, 'spec', 'unschedulable'), true],
    [
      'uncordon deletes the field',
      { spec: { unschedulable: null } },
      (o) => Object.keys(get(o, 'spec') as JsonMap),
      ['podCIDR', 'taints'],
    ],
    [
      'taint replaces the whole list (no patch strategy)',
      {
        spec: {
          taints: [
            { effect: 'NoExecute', key: 'x', value: 'y' },
            { effect: 'NoSchedule', key: 'a', value: 'b' },
          ],
        },
      },
      (o) => get(o, 'spec', 'taints'),
      [
        { effect: 'NoExecute', key: 'x', value: 'y' },
        { effect: 'NoSchedule', key: 'a', value: 'b' },
      ],
    ],
    [
      'removing the last taint sends null',
      { spec: { taints: null } },
      (o) => get(o, 'spec', 'taints'),
      undefined,
    ],
    [
      'node conditions merge by type',
      { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] } },
      (o) => get(o, 'status', 'conditions'),
      [
        { type: 'Ready', status: 'True', reason: 'KubeletReady' },
        { type: 'MemoryPressure', status: 'False' },
      ],
    ],
    [
      'node addresses merge by type',
      { status: { addresses: [{ type: 'InternalIP', address: '172.18.0.9' }] } },
      (o) => get(o, 'status', 'addresses'),
      [
        { type: 'InternalIP', address: '172.18.0.9' },
        { type: 'Hostname', address: 'node-1' },
      ],
    ],
  ])('%s', (_name, patch, pick, expected) => {
    expect(pick(applyStrategicMergePatch(liveNode(), patch, NODE))).toEqual(expected);
  });
});
