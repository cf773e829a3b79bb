/**
 * `kubelab load image`: a local image that no registry has becomes runnable by a pod with
 * imagePullPolicy Always (the kubelet's failed pull falls back to a loaded image), keeping its
 * configuration; a missing image is a clear error.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageCommand } from '../src/commands/load-image.js';
import { createNodeLab, waitFor, type NodeLab } from './node-harness.js';

const run = promisify(execFile);
const docker = new Dockerode();
const IMAGE = `kubelab-test/loadme:${randomBytes(3).toString('hex')}`;
let t: NodeLab;
let node: string;

interface PodJson {
  status?: { containerStatuses?: { state?: { waiting?: { reason?: string }; running?: object } }[] };
}

const podManifest = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: loadme\n    image: ${IMAGE}\n    imagePullPolicy: Always\n`;

async function containerState(pod: string): Promise<{ waiting?: { reason?: string }; running?: object } | undefined> {
  const r = await t.lab.kubectl(['get', 'pod', `${pod}-${node}`, '-o', 'json']);
  return r.code === 0 ? (JSON.parse(r.stdout) as PodJson).status?.containerStatuses?.[0]?.state : undefined;
}

async function load(images: string[]): Promise<{ code: number; stderr: string }> {
  const { ctx, out } = t.context(images, { name: t.record.name, nodes: [] });
  const code = (await loadImageCommand.run(ctx)) ?? 0;
  return { code, stderr: out().stderr };
}

beforeAll(async () => {
  // A local image with its own configuration, not marked as loaded, that no registry has.
  const dockerfile = [
    'FROM busybox:latest',
    'LABEL io.kubelab.image=false',
    'ENV GREETING=hi',
    'CMD ["sh", "-c", "echo $GREETING from loadme; trap \'exit 0\' TERM; while true; do sleep 1; done"]',
    '',
  ].join('\n');
  const child = run('docker', ['build', '-q', '-t', IMAGE, '-']);
  child.child.stdin?.end(dockerfile);
  await child;
  t = await createNodeLab({ nodes: ['worker'] });
  node = t.nodes[0] ?? '';
}, 180_000);

afterAll(async () => {
  await t?.cleanup();
  await docker.getImage(IMAGE).remove({ force: true }).catch(() => undefined);
}, 120_000);

describe('kubelab load image', () => {
  it('makes a local image runnable by a pod that always pulls, keeping its config', async () => {
    await t.lab.writeManifest(node, 'before.yaml', podManifest('before'));
    const failed = await waitFor('the pull to fail', async () => {
      const s = await containerState('before');
      return s?.waiting?.reason && ['ErrImagePull', 'ImagePullBackOff'].includes(s.waiting.reason) ? s.waiting.reason : undefined;
    }, { timeoutMs: 60_000 });
    expect(failed).toMatch(/ErrImagePull|ImagePullBackOff/);
    const before = (await docker.getImage(IMAGE).inspect()).Id;

    const loaded = await load([IMAGE]);
    expect(loaded).toEqual({ code: 0, stderr: `Image: "${IMAGE}" with ID "${before}" not yet present on node "${node}", loading...\n` });
    const info = await docker.getImage(IMAGE).inspect();
    expect(info.Config.Labels?.['io.kubelab.image']).toBe('true');
    expect(info.Config.Env).toContain('GREETING=hi');
    expect(info.Config.Cmd).toEqual(['sh', '-c', "echo $GREETING from loadme; trap 'exit 0' TERM; while true; do sleep 1; done"]);

    // A pod created now (the one above waits out its pull backoff) pulls, fails, and runs the loaded image.
    await t.lab.writeManifest(node, 'after.yaml', podManifest('after'));
    await waitFor('the pod to run', async () => (await containerState('after'))?.running, { timeoutMs: 60_000 });
    const id = (await t.lab.containers({ 'io.kubernetes.pod.name': `after-${node}`, 'io.kubernetes.container.name': 'loadme' })).find((c) => c.State === 'running')?.Id ?? '';
    const logs = await waitFor('its log', async () => {
      const r = await t.exec(node, ['crictl', 'logs', id]);
      return r.stdout || undefined;
    });
    expect(logs).toBe('hi from loadme\n');
  });

  it('says when an image is already loaded', async () => {
    const id = (await docker.getImage(IMAGE).inspect()).Id;
    expect(await load([IMAGE])).toEqual({ code: 0, stderr: `Image: "${IMAGE}" with ID "${id}" found to be already present on all nodes.\n` });
  });

  it('fails clearly for an image that is not present locally', async () => {
    await expect(load(['kubelab-test/not-here:1'])).rejects.toThrow('image: "kubelab-test/not-here:1" not present locally');
  });

  it('fails clearly for a cluster that does not exist', async () => {
    const { ctx } = t.context([IMAGE], { name: 'no-such-cluster', nodes: [] });
    await expect(loadImageCommand.run(ctx)).rejects.toThrow('no nodes found for cluster "no-such-cluster"');
  });
});
