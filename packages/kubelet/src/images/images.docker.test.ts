import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { buildImageFromDirectory } from './image-builder.js';
import { ensurePauseImage } from './pause-image.js';
import { ensureBusyboxImage } from './busybox-image.js';
import { ensureNodeRuntimeImage } from './node-runtime-image.js';

const docker = new Docker();
const suffix = randomBytes(4).toString('hex');
const repo = `kltest-img-${suffix}`;
const dir = mkdtempSync(join(tmpdir(), 'kubelab-images-test-'));
const timings: Record<string, number> = {};

afterAll(async () => {
  const containers = await docker.listContainers({ all: true, filters: { label: [`kltest.images=${suffix}`] } });
  for (const c of containers) await docker.getContainer(c.Id).remove({ force: true });
  const images = await docker.listImages({ filters: { reference: [`${repo}/*`] } });
  for (const img of images) await docker.getImage(img.Id).remove({ force: true }).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  console.log('image build times (ms)', timings);
});

/** Runs a container to completion; returns exit code and combined output. */
async function runToEnd(image: string, cmd: string[] | undefined, entrypoint?: string[]): Promise<{ code: number; out: string }> {
  const c = await docker.createContainer({ Image: image, Cmd: cmd, Entrypoint: entrypoint, Labels: { 'kltest.images': suffix } });
  await c.start();
  const { StatusCode } = (await c.wait()) as { StatusCode: number };
  const logs = await c.logs({ stdout: true, stderr: true, follow: false });
  const out = demux(logs);
  await c.remove({ force: true });
  return { code: StatusCode, out };
}

function demux(buf: Buffer): string {
  let out = '';
  for (let i = 0; i + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + len).toString();
    i += 8 + len;
  }
  return out;
}

describe('image builds (real Docker)', () => {
  it('pause (gcc) exits 0 on SIGTERM as PID 1, and a second ensure keeps the image', async () => {
    const tag = `${repo}/pause:gcc`;
    const t0 = Date.now();
    const first = await ensurePauseImage(docker, { tag, strategy: 'gcc' });
    timings['pause (gcc, incl. compile)'] = Date.now() - t0;
    expect(first.built).toBe(true);
    const info = await docker.getImage(tag).inspect();
    expect(info.Config.Labels?.['io.kubelab.image']).toBe('true');
    const again = await ensurePauseImage(docker, { tag, strategy: 'gcc' });
    expect(again).toMatchObject({ built: false, id: first.id });

    const c = await docker.createContainer({ Image: tag, Labels: { 'kltest.images': suffix } });
    await c.start();
    await c.stop({ t: 30 });
    const state = (await c.inspect()).State;
    expect(state.ExitCode).toBe(0); // 137 would mean it ignored SIGTERM and was killed
  });

  it('pause (busybox fallback) also exits 0 on SIGTERM', async () => {
    const tag = `${repo}/pause:busybox`;
    const t0 = Date.now();
    await ensurePauseImage(docker, { tag, strategy: 'busybox' });
    timings['pause (busybox)'] = Date.now() - t0;
    const c = await docker.createContainer({ Image: tag, Labels: { 'kltest.images': suffix } });
    await c.start();
    await c.stop({ t: 30 });
    expect((await c.inspect()).State.ExitCode).toBe(0);
  });

  it('busybox has its applets, users and PATH', async () => {
    const tag = `${repo}/busybox:latest`;
    const t0 = Date.now();
    const res = await ensureBusyboxImage(docker, { tags: [tag, `${repo}/busybox:1.36`] });
    timings.busybox = Date.now() - t0;
    expect(res.built).toBe(true);
    const aliased = await docker.getImage(`${repo}/busybox:1.36`).inspect();
    expect(aliased.Id).toBe(res.id);
    const { code, out } = await runToEnd(tag, ['sh', '-c', 'echo hello; id -un; which wget nc httpd sleep; test -d /tmp && echo tmp-ok']);
    expect(code).toBe(0);
    expect(out).toBe('hello\nroot\n/bin/wget\n/bin/nc\n/bin/httpd\n/bin/sleep\ntmp-ok\n');
  });

  it('node runtime runs the bundle with the host node, and images build FROM it', async () => {
    const bundle = join(dir, 'bundle');
    rmSync(bundle, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'main.js'), 'console.log("node", process.version, require("os").platform())\n');
    const t0 = Date.now();
    const node = await ensureNodeRuntimeImage(docker, { tag: `${suffix}`, bundleDir: bundle });
    timings['node runtime'] = Date.now() - t0;
    try {
      expect(node.tag).toBe(`kubelab/node:${suffix}`);
      const { code, out } = await runToEnd(node.tag, ['main.js']);
      expect({ code, out }).toEqual({ code: 0, out: `node ${process.version} linux\n` });

      const t1 = Date.now();
      const derived = await buildImageFromDirectory(docker, {
        tag: `${repo}/kube-thing:v1`,
        from: node.tag,
        files: { '/kubelab/thing.js': 'console.log("thing", process.argv.slice(2).join(","))\n' },
        entrypoint: ['/usr/local/bin/node', '/kubelab/thing.js'],
        labels: { component: 'thing' },
      });
      timings['derived FROM node runtime'] = Date.now() - t1;
      const info = await docker.getImage(derived.id).inspect();
      expect(info.Config.Labels).toMatchObject({ component: 'thing', 'io.kubelab.image': 'true' });
      expect(await runToEnd(derived.tag, ['--a', '--b'])).toEqual({ code: 0, out: 'thing --a,--b\n' });
    } finally {
      await docker.getImage(node.tag).remove({ force: true }).catch(() => undefined);
    }
  });

  it('concurrent ensures of one new tag build it once', async () => {
    const tag = `${repo}/busybox:concurrent`;
    const results = await Promise.all([
      ensureBusyboxImage(docker, { tags: [tag] }),
      ensureBusyboxImage(docker, { tags: [tag] }),
      ensureBusyboxImage(docker, { tags: [tag] }),
    ]);
    expect(results.filter((r) => r.built)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });
});
