import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SchedulerCluster, podManifest } from './helpers/scheduler-cluster.js';

const WAIT = { timeout: 20_000, interval: 50 };
let c: SchedulerCluster;

beforeAll(async () => {
  c = await SchedulerCluster.start();
  await c.addNode({ name: 'cp', cpu: '4', labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  await c.addNode({ name: 'w1', cpu: '2', labels: { disk: 'ssd', 'topology.kubernetes.io/zone': 'a' } });
  await c.addNode({ name: 'w2', cpu: '2', labels: { disk: 'hdd', 'topology.kubernetes.io/zone': 'b' } });
  await c.startScheduler(['--leader-elect=false']);
});
afterAll(() => c.stop());

async function apply(...objects: object[]) {
  const r = await c.kubectl(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  expect(r.stderr).toBe('');
}

describe('kube-scheduler placement', () => {
  it('keeps pods off the tainted control plane unless they tolerate it', async () => {
    await apply(
      ...['t1', 't2', 't3', 't4'].map((n) => podManifest(n)),
      podManifest('tolerant', {
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
          nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        },
      }),
    );
    await vi.waitFor(async () => expect(await c.nodeOf('tolerant')).toBe('cp'), WAIT);
    for (const n of ['t1', 't2', 't3', 't4']) {
      await vi.waitFor(async () => expect(['w1', 'w2']).toContain(await c.nodeOf(n)), WAIT);
    }
    const ev = await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=tolerant', '-o', 'jsonpath={.items[*].message}']);
    expect(ev.stdout).toBe('Successfully assigned default/tolerant to cp');
  });

  it('places pods by nodeSelector and node affinity', async () => {
    await apply(
      podManifest('ssd', { spec: { nodeSelector: { disk: 'ssd' } } }),
      podManifest('not-ssd', {
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }],
              },
            },
          },
        },
      }),
    );
    await vi.waitFor(async () => expect(await c.nodeOf('ssd')).toBe('w1'), WAIT);
    await vi.waitFor(async () => expect(await c.nodeOf('not-ssd')).toBe('w2'), WAIT);
  });

  it('leaves a pod that fits nowhere Pending, with FailedScheduling shown by kubectl describe', async () => {
    await apply(podManifest('huge', { cpu: '3' }));
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..';
    await vi.waitFor(async () => {
      const pod = await c.pods().get('huge');
      expect(pod.status?.conditions?.find((x) => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    }, WAIT);
    const describe = await c.kubectl(['describe', 'pod', 'huge']);
    expect(describe.stdout).toMatch(/Status:\s+Pending/);
    expect(describe.stdout).toMatch(/Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/3 nodes are available: 1 node\(s\) had untolerated taint/);
    expect(describe.stdout.replace(/\s+/g, ' ')).toContain(msg.replace(/\s+/g, ' '));
    const get = await c.kubectl(['get', 'pod', 'huge', '--no-headers']);
    expect(get.stdout).toMatch(/^huge\s+0\/1\s+Pending\s+0\s+/);

    // More allocatable on w2, still not enough: the pod is retried and fails the same way; the
    // event is counted, not repeated.
    const w2 = await c.nodes.get('w2');
    const more = { ...w2.status?.allocatable, cpu: '2500m' };
    await c.nodes.updateStatus({ ...w2, status: { ...w2.status, allocatable: more, capacity: more } });
    await vi.waitFor(async () => {
      const ev = await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=huge,reason=FailedScheduling', '-o', 'jsonpath={.items[*].count}']);
      expect(ev.stdout).toBe('2');
    }, WAIT);
    expect((await c.kubectl(['describe', 'pod', 'huge'])).stdout).toMatch(/Warning\s+FailedScheduling\s+\S+ \(x2 over \S+\)\s+default-scheduler/);
    const fields = await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=huge', '-o', 'jsonpath={.items[0].source.component} {.items[0].reportingComponent} {.items[0].type}']);
    expect(fields.stdout).toBe('default-scheduler default-scheduler Warning');
    await c.kubectl(['delete', 'pod', 'huge', '--wait=false']);
  });

  it('respects cordon and schedules once the node is uncordoned', async () => {
    expect((await c.kubectl(['cordon', 'w1'])).stdout).toBe('node/w1 cordoned\n');
    expect((await c.kubectl(['cordon', 'w2'])).stdout).toBe('node/w2 cordoned\n');
    await apply(podManifest('cordoned', { cpu: '100m' }));
    await vi.waitFor(async () => {
      const describe = await c.kubectl(['describe', 'pod', 'cordoned']);
      expect(describe.stdout).toContain('2 node(s) were unschedulable');
    }, WAIT);
    expect(await c.nodeOf('cordoned')).toBeUndefined();
    expect((await c.kubectl(['uncordon', 'w2'])).stdout).toBe('node/w2 uncordoned\n');
    await vi.waitFor(async () => expect(await c.nodeOf('cordoned')).toBe('w2'), WAIT);
    await c.kubectl(['uncordon', 'w1']);
  });

  it('spreads pods evenly across nodes with a topology spread constraint', async () => {
    const spread = (i: number) =>
      podManifest(`spread-${i}`, {
        labels: { app: 'spread' },
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } },
          ],
        },
      });
    await apply(...[0, 1, 2, 3, 4, 5].map(spread));
    const counts = new Map<string, number>();
    await vi.waitFor(async () => {
      counts.clear();
      for (let i = 0; i < 6; i++) {
        const node = await c.nodeOf(`spread-${i}`);
        expect(node).toBeDefined();
        counts.set(node ?? '', (counts.get(node ?? '') ?? 0) + 1);
      }
    }, WAIT);
    expect(Object.fromEntries(counts)).toEqual({ cp: 2, w1: 2, w2: 2 });
  });
});
