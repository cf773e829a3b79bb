/** The real kubectl reading objects: every output format, describe, api-resources. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { podYaml } from './fixtures.js';

let c: TestCluster;

beforeAll(async () => {
  c = await startTestCluster();
  const r = await c.kubectl(['apply', '-f', '-'], { input: podYaml('web') });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('pod/web created');
});
afterAll(async () => {
  await c?.stop();
});

describe('kubectl get', () => {
  it('prints the upstream pod table', async () => {
    const r = await c.kubectl(['get', 'pods']);
    expect(r.code).toBe(0);
    const [header, row] = r.stdout.trim().split('\n');
    expect(header?.split(/\s+/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(row).toMatch(/^web\s+0\/1\s+Pending\s+0\s+\d+s$/);
  });

  it('adds the wide columns with -o wide', async () => {
    const r = await c.kubectl(['get', 'pods', '-o', 'wide']);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(r.stdout).toMatch(/web\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>\s+<none>\s+<none>/);
  });

  it('takes the namespace column from the row object with -A and labels with --show-labels', async () => {
    const r = await c.kubectl(['get', 'pods', '-A', '--show-labels']);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS$/);
    expect(r.stdout).toMatch(/default\s+web\s+0\/1\s+Pending\s+0\s+\S+\s+app=web/);
  });

  it('prints yaml and json with defaults applied', async () => {
    const y = await c.kubectl(['get', 'pod', 'web', '-o', 'yaml']);
    expect(y.stdout).toContain('restartPolicy: Always');
    expect(y.stdout).toContain('terminationGracePeriodSeconds: 30');
    expect(y.stdout).toContain('schedulerName: default-scheduler');
    expect(y.stdout).toContain('imagePullPolicy: IfNotPresent');
    expect(y.stdout).toContain('phase: Pending');
    const j = await c.kubectl(['get', 'pods', '-o', 'json']);
    const list = JSON.parse(j.stdout) as { kind: string; items: { metadata: { name: string; uid: string } }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['web']);
    expect(list.items[0]?.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prints names, jsonpath and custom columns', async () => {
    expect((await c.kubectl(['get', 'pods', '-o', 'name'])).stdout.trim()).toBe('pod/web');
    expect((await c.kubectl(['get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[0].image}'])).stdout).toBe('busybox:1.36');
    const cc = await c.kubectl(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image']);
    expect(cc.stdout.trim().split('\n').map((l) => l.split(/\s+/))).toEqual([
      ['NAME', 'IMAGE'],
      ['web', 'busybox:1.36'],
    ]);
  });

  it('answers a missing object with the upstream NotFound message', async () => {
    const r = await c.kubectl(['get', 'pod', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): pods "nope" not found');
  });

  it('lists the system namespaces and the kubernetes service', async () => {
    const ns = await c.kubectl(['get', 'ns', '-o', 'name']);
    expect(ns.stdout.trim().split('\n')).toEqual([
      'namespace/default',
      'namespace/kube-node-lease',
      'namespace/kube-public',
      'namespace/kube-system',
    ]);
    const svc = await c.kubectl(['get', 'svc', 'kubernetes']);
    expect(svc.stdout).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+\S+/);
  });

  it('describes a pod', async () => {
    const r = await c.kubectl(['describe', 'pod', 'web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:\s+web$/m);
    expect(r.stdout).toMatch(/^Namespace:\s+default$/m);
    expect(r.stdout).toMatch(/^Status:\s+Pending$/m);
    expect(r.stdout).toMatch(/^QoS Class:\s+BestEffort$/m);
    expect(r.stdout).toMatch(/node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s/);
  });

  it('lists api-resources from discovery', async () => {
    const r = await c.kubectl(['api-resources']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/m);
    expect(r.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(r.stdout).toMatch(/^nodes\s+no\s+v1\s+false\s+Node$/m);
    expect(r.stdout).toMatch(/^leases\s+coordination\.k8s\.io\/v1\s+true\s+Lease$/m);
  });

  it('pages through a long list with --chunk-size', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await c.kubectl(['create', 'configmap', `page-${i}`, '--from-literal=k=v']);
      expect(r.code).toBe(0);
    }
    const r = await c.kubectl(['get', 'configmaps', '--chunk-size=2', '-o', 'name']);
    expect(r.stdout.trim().split('\n').filter((l) => l.startsWith('configmap/page-'))).toEqual([
      'configmap/page-0',
      'configmap/page-1',
      'configmap/page-2',
      'configmap/page-3',
      'configmap/page-4',
    ]);
  });
});
