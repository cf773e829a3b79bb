/**
 * Everyday kubectl on a kubelab cluster with two workers: run, apply a Deployment, rollout,
 * scale, logs, exec, label, describe, events, cordon, delete a namespace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eCluster } from '../helpers/cluster.js';
import { createE2eCluster } from '../helpers/cluster.js';
import { waitFor } from '../helpers/wait-for.js';

let c: E2eCluster;

const deployment = (image: string, replicas = 2): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
        command: ["sh", "-c", "trap 'exit 0' TERM; echo serving; while true; do sleep 1; done"]
`;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await c.kubectl(args, input);
  expect(r.code, `kubectl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

beforeAll(async () => {
  c = await createE2eCluster('everyday', { workers: 2 });
});
afterAll(async () => {
  await c?.delete();
});

describe('everyday kubectl', () => {
  it('runs a pod and reads its logs, exec and events', async () => {
    expect(await ok(['run', 'hello', '--image=busybox:1.36', '--restart=Never', '--', 'sh', '-c', 'echo hello from kubelab; sleep 600'])).toBe('pod/hello created');
    await waitFor('hello running', async () => (await ok(['get', 'pod', 'hello', '-o', 'jsonpath={.status.phase}'])) === 'Running');
    expect(await ok(['logs', 'hello'])).toBe('hello from kubelab');
    expect(await ok(['exec', 'hello', '--', 'cat', '/etc/hostname'])).toBe('hello');
    const events = await ok(['events', '--for', 'pod/hello']);
    expect(events).toMatch(/Scheduled\s+Pod\/hello\s+Successfully assigned default\/hello to /);
    expect(events).toMatch(/Started\s+Pod\/hello\s+Started container hello/);
    const d = await ok(['describe', 'pod', 'hello']);
    expect(d).toMatch(/^Status:\s+Running$/m);
    expect(d).toMatch(/^Node:\s+everyday-[0-9a-f]+-worker2?\/10\.244\.\d+\.1$/m);
  });

  it('applies a Deployment, scales it, rolls it out and back', async () => {
    expect(await ok(['create', 'namespace', 'shop'])).toBe('namespace/shop created');
    expect(await ok(['apply', '-f', '-'], deployment('busybox:1.36'))).toBe('deployment.apps/web created');
    expect(await ok(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=90s'])).toContain('successfully rolled out');
    expect(await ok(['scale', 'deployment', 'web', '-n', 'shop', '--replicas=4'])).toBe('deployment.apps/web scaled');
    await waitFor('4 ready replicas', async () => (await ok(['get', 'deploy', 'web', '-n', 'shop', '-o', 'jsonpath={.status.readyReplicas}'])) === '4');
    const nodes = new Set((await ok(['get', 'pods', '-n', 'shop', '-o', 'jsonpath={.items[*].spec.nodeName}'])).split(' '));
    expect([...nodes].every((n) => c.workers.includes(n))).toBe(true);
    expect(await ok(['set', 'image', 'deployment/web', 'web=busybox:latest', '-n', 'shop'])).toBe('deployment.apps/web image updated');
    expect(await ok(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=90s'])).toContain('successfully rolled out');
    expect(await ok(['rollout', 'history', 'deployment/web', '-n', 'shop'])).toMatch(/^1\s+<none>$\n^2\s+<none>$/m);
    expect(await ok(['rollout', 'undo', 'deployment/web', '-n', 'shop'])).toBe('deployment.apps/web rolled back');
    expect(await ok(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=90s'])).toContain('successfully rolled out');
    expect(await ok(['get', 'deploy', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('busybox:1.36');
    const logs = await ok(['logs', 'deploy/web', '-n', 'shop']);
    expect(logs).toBe('serving');
  });

  it('labels and describes objects', async () => {
    expect(await ok(['label', 'deployment', 'web', '-n', 'shop', 'tier=frontend'])).toBe('deployment.apps/web labeled');
    expect(await ok(['get', 'deploy', '-n', 'shop', '-l', 'tier=frontend', '-o', 'name'])).toBe('deployment.apps/web');
    const d = await ok(['describe', 'deployment', 'web', '-n', 'shop']);
    expect(d).toMatch(/^Replicas:\s+4 desired \| 4 updated \| 4 total \| 4 available \| 0 unavailable$/m);
    expect(d).toMatch(/^StrategyType:\s+RollingUpdate$/m);
  });

  it('cordons a worker so new pods go to the other one', async () => {
    const [w1, w2] = c.workers as [string, string];
    expect(await ok(['cordon', w1])).toBe(`node/${w1} cordoned`);
    expect(await ok(['get', 'node', w1])).toMatch(/Ready,SchedulingDisabled/);
    for (let i = 0; i < 3; i++) await ok(['run', `pinned-${i}`, '--image=busybox:1.36', '--restart=Never', '--', 'sleep', '600']);
    await waitFor('the new pods scheduled', async () => {
      const n = (await ok(['get', 'pods', '-l', 'run', '-o', 'jsonpath={.items[*].spec.nodeName}'])).split(' ').filter(Boolean);
      return n.length >= 4 ? n : undefined;
    });
    for (let i = 0; i < 3; i++) expect(await ok(['get', 'pod', `pinned-${i}`, '-o', 'jsonpath={.spec.nodeName}'])).toBe(w2);
    expect(await ok(['uncordon', w1])).toBe(`node/${w1} uncordoned`);
  });

  it('deletes a namespace with everything in it', async () => {
    const r = await c.kubectl(['delete', 'namespace', 'shop', '--timeout=120s']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('namespace "shop" deleted');
    expect((await c.kubectl(['get', 'namespace', 'shop'])).stderr).toContain('NotFound');
    const left = await c.onNode(c.workers[0] ?? '', 'crictl pods --namespace shop -q');
    await waitFor('the shop pods gone from the workers', async () => ((await c.onNode(c.workers[0] ?? '', 'crictl pods --namespace shop --state ready -q')).stdout.trim() === '' ? true : undefined));
    expect(left.code).toBe(0);
  });
});
