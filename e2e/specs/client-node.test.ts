/**
 * A second, independent client against a kubelab cluster: @kubernetes/client-node 1.4.0's
 * informers (add, update, delete of real pods), its patch helpers (merge, strategic merge, JSON
 * patch and server-side apply chosen with setHeaderOptions) and k8s.Exec with exit statuses.
 */
import { PassThrough, Readable } from 'node:stream';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eCluster } from '../helpers/cluster.js';
import { createE2eCluster } from '../helpers/cluster.js';
import { waitFor } from '../helpers/wait-for.js';

const NS = 'client-node';
let c: E2eCluster | undefined;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;

const pod = (name: string): k8s.V1Pod => ({
  metadata: { name, labels: { app: 'informed' } },
  spec: {
    terminationGracePeriodSeconds: 5,
    containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', "trap 'exit 0' TERM; echo ready; while true; do sleep 1; done"] }],
  },
});

beforeAll(async () => {
  c = await createE2eCluster('client-node', { workers: 1 });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(c.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
  apps = kc.makeApiClient(k8s.AppsV1Api);
  await core.createNamespace({ body: { metadata: { name: NS } } });
});
afterAll(async () => {
  await c?.delete();
});

describe('@kubernetes/client-node against kubelab', () => {
  it('an informer sees a pod added, updated by the kubelet, and deleted', async () => {
    const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${NS}/pods`, () => core.listNamespacedPod({ namespace: NS }), 'app=informed');
    const seen: string[] = [];
    informer.on('add', (p) => seen.push(`add ${p.metadata?.name ?? ''}`));
    informer.on('update', (p) => seen.push(`update ${p.metadata?.name ?? ''} ${p.status?.phase ?? ''}`));
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.name ?? ''}`));
    const errors: unknown[] = [];
    informer.on('error', (err) => errors.push(err));
    await informer.start();
    try {
      await core.createNamespacedPod({ namespace: NS, body: pod('watched') });
      await waitFor('the add event', () => seen.includes('add watched'));
      await waitFor('an update to Running', () => seen.includes('update watched Running'), { timeoutMs: 90_000 });
      expect(informer.get('watched', NS)?.status?.phase).toBe('Running');
      expect(informer.list(NS).map((p) => p.metadata?.name)).toEqual(['watched']);

      await core.deleteNamespacedPod({ namespace: NS, name: 'watched' });
      await waitFor('the delete event', () => seen.includes('delete watched'), { timeoutMs: 90_000 });
      expect(informer.list(NS)).toEqual([]);
      expect(seen[0]).toBe('add watched');
      expect(seen.at(-1)).toBe('delete watched');
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });

  it('patches through setHeaderOptions: merge, strategic merge, JSON patch and apply', async () => {
    const deployment: k8s.V1Deployment = {
      metadata: { name: 'patched', labels: { app: 'patched' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'patched' } },
        template: {
          metadata: { labels: { app: 'patched' } },
          spec: { containers: [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }] },
        },
      },
    };
    await apps.createNamespacedDeployment({ namespace: NS, body: deployment });
    const patch = (body: object, type: string, extra: Partial<{ fieldManager: string; force: boolean }> = {}): Promise<k8s.V1Deployment> =>
      apps.patchNamespacedDeployment({ namespace: NS, name: 'patched', body, ...extra }, k8s.setHeaderOptions('Content-Type', type));

    // A merge patch replaces the whole containers list.
    const merged = await patch({ metadata: { labels: { tier: 'web' } }, spec: { template: { spec: { containers: [{ name: 'a', image: 'busybox:latest' }] } } } }, k8s.PatchStrategy.MergePatch);
    expect(merged.metadata?.labels).toEqual({ app: 'patched', tier: 'web' });
    expect(merged.spec?.template.spec?.containers.map((x) => `${x.name}=${x.image}`)).toEqual(['a=busybox:latest']);

    // A strategic merge patch merges containers by name.
    const strategic = await patch({ spec: { template: { spec: { containers: [{ name: 'b', image: 'busybox:1.36' }] } } } }, k8s.PatchStrategy.StrategicMergePatch);
    expect(strategic.spec?.template.spec?.containers.map((x) => `${x.name}=${x.image}`)).toEqual(['b=busybox:1.36', 'a=busybox:latest']);

    // A JSON patch, including a failing test operation (422 with the upstream message).
    const json = await patch([{ op: 'replace', path: '/spec/replicas', value: 1 }, { op: 'remove', path: '/metadata/labels/tier' }], k8s.PatchStrategy.JsonPatch);
    expect([json.spec?.replicas, json.metadata?.labels]).toEqual([1, { app: 'patched' }]);
    const failed = await patch([{ op: 'test', path: '/spec/replicas', value: 5 }], k8s.PatchStrategy.JsonPatch).then(
      () => undefined,
      (e: unknown) => e as { code?: number; body?: string },
    );
    expect(failed?.code).toBe(422);
    expect(JSON.parse(String(failed?.body))).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422 });

    // Server-side apply: the manager owns what it applied; another manager conflicts (409).
    const applied = await patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'patched', annotations: { owner: 'team-a' } } }, k8s.PatchStrategy.ServerSideApply, { fieldManager: 'team-a' });
    expect(applied.metadata?.annotations?.owner).toBe('team-a');
    expect(applied.metadata?.managedFields?.find((m) => m.manager === 'team-a')?.operation).toBe('Apply');
    const conflict = await patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'patched', annotations: { owner: 'team-b' } } }, k8s.PatchStrategy.ServerSideApply, { fieldManager: 'team-b' }).then(
      () => undefined,
      (e: unknown) => e as { code?: number; body?: string },
    );
    expect(conflict?.code).toBe(409);
    const status = JSON.parse(String(conflict?.body)) as k8s.V1Status;
    expect(status.message).toBe('Apply failed with 1 conflict: conflict with "team-a": .metadata.annotations.owner');
    expect(status.details?.causes).toMatchObject([{ message: 'conflict with "team-a"', field: '.metadata.annotations.owner' }]);
    const forced = await patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'patched', annotations: { owner: 'team-b' } } }, k8s.PatchStrategy.ServerSideApply, { fieldManager: 'team-b', force: true });
    expect(forced.metadata?.annotations?.owner).toBe('team-b');
  });

  it('execs into a pod with k8s.Exec: output, stdin and the exit status', async () => {
    await core.createNamespacedPod({ namespace: NS, body: pod('shell') });
    await waitFor('shell running', async () => (await core.readNamespacedPod({ namespace: NS, name: 'shell' })).status?.phase === 'Running', { timeoutMs: 90_000 });
    const exec = new k8s.Exec(kc);
    const run = (command: string[], input?: string): Promise<{ stdout: string; stderr: string; status: k8s.V1Status }> =>
      new Promise((resolve, reject) => {
        const stdout = new PassThrough();
        const stderr = new PassThrough();
        let out = '';
        let err = '';
        stdout.on('data', (d: Buffer) => (out += d.toString()));
        stderr.on('data', (d: Buffer) => (err += d.toString()));
        const stdin = input === undefined ? null : Readable.from([Buffer.from(input)]);
        exec
          .exec(NS, 'shell', 'main', command, stdout, stderr, stdin, false, (status) => {
            // The status arrives before the socket closes; let the output streams drain first.
            setImmediate(() => resolve({ stdout: out, stderr: err, status }));
          })
          .catch(reject);
      });

    const ok = await run(['sh', '-c', 'echo to-stdout; echo to-stderr >&2']);
    expect([ok.stdout, ok.stderr, ok.status.status]).toEqual(['to-stdout\n', 'to-stderr\n', 'Success']);

    const failed = await run(['sh', '-c', 'exit 7']);
    expect(failed.status).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      message: 'command terminated with non-zero exit code: error executing command [sh -c exit 7], exit code 7',
      details: { causes: [{ reason: 'ExitCode', message: '7' }] },
    });

    const piped = await run(['sh', '-c', 'tr a-z A-Z'], 'through stdin\n');
    expect([piped.stdout, piped.status.status]).toEqual(['THROUGH STDIN\n', 'Success']);
  });
});
