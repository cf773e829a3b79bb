import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KUBELET_NODE_FLAGS, KubeletProcess } from './kubelet-process.js';
import type { ClusterRecord, NodeRecord } from './layout.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

const FAKE_KUBELET = "process.on('SIGTERM', () => process.exit(0)); console.log('kubelet started', process.argv.slice(2).join(' ')); setInterval(() => {}, 1000);\n";
const STUBBORN_KUBELET = "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('kubelet started'); setInterval(() => {}, 1000);\n";

/** Waits until the kubelet has logged its start `count` times (its signal handler is then installed). */
async function logged(node: NodeRecord, count: number): Promise<string> {
  return vi.waitFor(
    async () => {
      const log = await readFile(join(node.root, 'var/log/kubelet.log'), 'utf8');
      if ((log.match(/kubelet started/g) ?? []).length < count) throw new Error(`not started yet: ${log}`);
      return log;
    },
    { timeout: 10_000, interval: 20 },
  );
}

async function fixture(script: string): Promise<{ cluster: ClusterRecord; node: NodeRecord; bundle: string }> {
  const dir = await temp.make('kubelab-kp-');
  const bundle = join(dir, 'kubelet.mjs');
  await writeFile(bundle, script);
  const node: NodeRecord = { name: 'lab-worker', role: 'worker', root: join(dir, 'root'), kubeletPort: 10250, healthzPort: 10248, staticPodPath: '/etc/kubernetes/manifests' };
  const cluster: ClusterRecord = {
    name: 'lab',
    version: 'v0.1.0',
    createdAt: '',
    apiServer: { host: '127.0.0.1', port: 6443, advertiseAddress: '10.244.0.1' },
    network: { name: 'kubelab-lab', gateway: '10.244.0.1', subnet: '10.244.0.0/24' },
    nodes: [node],
  };
  return { cluster, node, bundle };
}

describe('KubeletProcess', () => {
  it('starts the kubelet detached with its flags, logging to the node root, and stops it', async () => {
    const { cluster, node, bundle } = await fixture(FAKE_KUBELET);
    const kp = new KubeletProcess({ bundle });
    expect((await kp.status(cluster, node)).running).toBe(false);
    const started = await kp.start(cluster, node);
    expect(started.running).toBe(true);
    await logged(node, 1);
    expect(started.commandLine.slice(1)).toEqual([
      ...KUBELET_NODE_FLAGS,
      bundle,
      '--config=/var/lib/kubelet/config.yaml',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
      '--hostname-override=lab-worker',
      '--node-ip=10.244.0.1',
      `--kubelab-node-root=${node.root}`,
      '--kubelab-cluster=lab',
      '--v=2',
    ]);
    expect(Number(await readFile(join(node.root, 'var/run/kubelet.pid'), 'utf8'))).toBe(started.pid);
    expect(started.since?.getTime()).toBeLessThanOrEqual(Date.now());
    // Starting a running kubelet is a no-op, as `systemctl start` is.
    expect((await kp.start(cluster, node)).pid).toBe(started.pid);

    const restarted = await kp.restart(cluster, node);
    expect(restarted.running).toBe(true);
    expect(restarted.pid).not.toBe(started.pid);
    await logged(node, 2);
    await kp.stop(cluster, node);
    expect(await kp.status(cluster, node)).toEqual({ running: false, pid: undefined, since: undefined, commandLine: [] });
    const log = await readFile(join(node.root, 'var/log/kubelet.log'), 'utf8');
    expect(log.match(/kubelet started --config/g)).toHaveLength(2);
  });

  it('kills a kubelet that ignores SIGTERM after the grace period', async () => {
    const { cluster, node, bundle } = await fixture(STUBBORN_KUBELET);
    const kp = new KubeletProcess({ bundle, stopTimeoutMs: 300 });
    await kp.start(cluster, node);
    await logged(node, 1);
    await kp.stop(cluster, node);
    expect((await kp.status(cluster, node)).running).toBe(false);
    expect(await readFile(join(node.root, 'var/log/kubelet.log'), 'utf8')).toContain('ignoring SIGTERM');
  });

  it('does not trust a PID file naming another process', async () => {
    const { cluster, node, bundle } = await fixture(FAKE_KUBELET);
    const kp = new KubeletProcess({ bundle });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(node.root, 'var/run'), { recursive: true });
    await writeFile(join(node.root, 'var/run/kubelet.pid'), `${process.pid}\n`);
    expect((await kp.status(cluster, node)).running).toBe(false);
  });
});
