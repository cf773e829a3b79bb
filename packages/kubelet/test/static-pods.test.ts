/**
 * Static pods end to end: real kubelet process, real Docker, real API server and kubectl.
 * The founding tutorial's steps: a manifest runs and gets its mirror pod; deleting the mirror
 * pod brings it back without touching the containers; `docker rm -f` restarts the container;
 * an edit replaces the pod; removing the file stops it; an invalid manifest hurts no one else.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from './harness/lab.js';
import { createLab } from './harness/lab.js';
import { waitFor } from './harness/wait-for.js';

let lab: Lab;
const NODE = 'lab-worker';

const manifest = (image = 'busybox:1.36', message = 'hello'): string => `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: web
spec:
  containers:
  - name: web
    image: ${image}
    command: ["sh", "-c", "trap 'exit 0' TERM; echo ${message}; while true; do sleep 1; done"]
`;

interface PodJson {
  metadata: { name: string; uid: string; annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string; controller?: boolean }[]; labels?: Record<string, string> };
  status?: { phase?: string; containerStatuses?: { restartCount: number; ready: boolean; containerID?: string }[] };
}

async function mirror(): Promise<PodJson | undefined> {
  const r = await lab.kubectl(['get', 'pod', `static-web-${NODE}`, '-o', 'json']);
  return r.code === 0 ? (JSON.parse(r.stdout) as PodJson) : undefined;
}

async function webContainers(): Promise<{ id: string; name: string; state: string }[]> {
  const cs = await lab.containers({ 'io.kubernetes.container.name': 'web', 'io.kubernetes.pod.name': `static-web-${NODE}` });
  return cs.map((c) => ({ id: c.Id, name: c.Names[0] ?? '', state: c.State }));
}

beforeAll(async () => {
  lab = await createLab();
  await lab.addNode(NODE);
  await lab.startApiServer();
  await lab.startKubelet(NODE);
}, 120_000);

afterAll(async () => {
  await lab?.cleanup();
}, 120_000);

describe('static pods', () => {
  it('runs a manifest dropped into staticPodPath and publishes its mirror pod', async () => {
    await lab.writeManifest(NODE, 'static-web.yaml', manifest());
    const running = await waitFor('the static pod container', async () => (await webContainers()).find((c) => c.state === 'running'));
    expect(running.name).toMatch(new RegExp(`^/k8s_web_static-web-${NODE}_default_[0-9a-f]{32}_0$`));
    const m = await waitFor('a Running mirror pod', async () => {
      const p = await mirror();
      return p?.status?.phase === 'Running' && p.status.containerStatuses?.[0]?.ready ? p : undefined;
    });
    expect(m.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    expect(m.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(m.metadata.annotations?.['kubernetes.io/config.hash']);
    expect(m.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Node', name: NODE, controller: true })]);
    expect(m.metadata.labels).toEqual({ role: 'web' });
    const d = await lab.kubectl(['describe', 'pod', `static-web-${NODE}`]);
    expect(d.stdout).toMatch(new RegExp(`^Controlled By:\\s+Node/${NODE}$`, 'm'));
    expect(d.stdout).toMatch(/^Tolerations:\s+:NoExecute op=Exists$/m);
  });

  it('brings a deleted mirror pod back without touching the containers', async () => {
    const before = await mirror();
    const containersBefore = await webContainers();
    const del = await lab.kubectl(['delete', 'pod', `static-web-${NODE}`]);
    expect(del.stdout.trim()).toBe(`pod "static-web-${NODE}" deleted`);
    const back = await waitFor('a new mirror pod', async () => {
      const p = await mirror();
      return p && p.metadata.uid !== before?.metadata.uid ? p : undefined;
    });
    expect(back.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(before?.metadata.annotations?.['kubernetes.io/config.mirror']);
    expect(await webContainers()).toEqual(containersBefore);
  });

  it('restarts the container after docker rm -f, counting the restart', async () => {
    const [c] = await webContainers();
    await lab.docker.getContainer(c?.id ?? '').remove({ force: true });
    const again = await waitFor('a new web container', async () => (await webContainers()).find((x) => x.state === 'running' && x.id !== c?.id));
    expect(again.name).toMatch(/_1$/);
    await waitFor('restartCount 1 on the mirror pod', async () => (await mirror())?.status?.containerStatuses?.[0]?.restartCount === 1);
  });

  it('replaces the pod when the manifest changes, and does nothing when it is rewritten unchanged', async () => {
    const before = await mirror();
    const hash = before?.metadata.annotations?.['kubernetes.io/config.hash'];
    await lab.writeManifest(NODE, 'static-web.yaml', manifest('busybox:1.36', 'hello'));
    // Same content: same UID, same mirror pod.
    await lab.writeManifest(NODE, 'other.yaml', manifest().replace('static-web', 'marker'));
    await waitFor('the marker pod', async () => (await lab.kubectl(['get', 'pod', `marker-${NODE}`])).code === 0);
    expect((await mirror())?.metadata.uid).toBe(before?.metadata.uid);
    await lab.writeManifest(NODE, 'static-web.yaml', manifest('busybox:1.36', 'edited'));
    const edited = await waitFor('a mirror pod with the new hash', async () => {
      const p = await mirror();
      const h = p?.metadata.annotations?.['kubernetes.io/config.hash'];
      return h && h !== hash && p?.status?.phase === 'Running' ? p : undefined;
    });
    expect(edited.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(edited.metadata.annotations?.['kubernetes.io/config.hash']);
    const running = (await webContainers()).filter((c) => c.state === 'running');
    expect(running).toHaveLength(1);
    expect(running[0]?.name).toContain(edited.metadata.annotations?.['kubernetes.io/config.hash'] ?? 'x');
    const logs = await lab.kubectl(['logs', `static-web-${NODE}`]);
    expect(logs.stdout).toBe('edited\n');
  });

  it('keeps running valid pods beside an invalid manifest', async () => {
    await lab.writeManifest(NODE, 'broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: x\n');
    await lab.writeManifest(NODE, 'valid.yaml', manifest().replace('static-web', 'valid'));
    await waitFor('the valid pod running', async () => (await lab.kubectl(['get', 'pod', `valid-${NODE}`, '-o', 'jsonpath={.status.phase}'])).stdout === 'Running');
    expect((await lab.kubectl(['get', 'pod', `broken-${NODE}`])).code).toBe(1);
    expect((await mirror())?.status?.phase).toBe('Running');
    const events = await waitFor('a FailedValidation event', async () => {
      const r = await lab.kubectl(['get', 'events', '-A', '--field-selector', 'reason=FailedValidation', '-o', 'jsonpath={.items[*].message}']);
      return r.stdout.includes('broken.yaml') ? r.stdout : undefined;
    });
    expect(events).toContain('spec.containers[0].image: Required value');
  });

  it('stops the pod and removes its mirror pod when the file is removed', async () => {
    await rm(join(lab.nodes.get(NODE)?.root ?? '', 'etc/kubernetes/manifests/static-web.yaml'));
    await waitFor('the mirror pod gone', async () => (await mirror()) === undefined, { timeoutMs: 40_000 });
    await waitFor('no running web container', async () => (await webContainers()).every((c) => c.state !== 'running'), { timeoutMs: 40_000 });
  });
});
