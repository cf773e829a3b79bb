/**
 * `kubelab node exec` against a real kubelet's node root: the node's files at their kubeadm
 * paths, its hostname, exit codes and standard input passed through, and manifests written,
 * moved and deleted in the view landing in the node root (and run by the kubelet).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, waitFor, type NodeLab } from './node-harness.js';

let t: NodeLab;
let node: string;
let root: string;

beforeAll(async () => {
  t = await createNodeLab({ nodes: ['worker'] });
  node = t.nodes[0] ?? '';
  root = t.record.nodes[0]?.root ?? '';
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
}, 120_000);

describe('kubelab node exec', () => {
  it("shows the node's hostname and its files at the kubeadm paths", async () => {
    const r = await t.exec(node, ['sh', '-c', 'hostname; cat /var/lib/kubelet/config.yaml; ls /etc/kubernetes; test -d /var/log/pods && echo pods-dir']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [host, ...rest] = r.stdout.split('\n');
    expect(host).toBe(node);
    const text = rest.join('\n');
    expect(text).toContain('staticPodPath: /etc/kubernetes/manifests');
    expect(text).toContain(await readFile(join(root, 'var/lib/kubelet/config.yaml'), 'utf8'));
    expect(text).toMatch(/^kubelet\.conf$/m);
    expect(text).toMatch(/^manifests$/m);
    expect(text).toMatch(/^pki$/m);
    expect(text).toMatch(/^pods-dir$/m);
  });

  it("leaves the host's hostname and /etc alone", async () => {
    const { hostname } = await import('node:os');
    await t.exec(node, ['true']);
    expect(hostname()).not.toBe(node);
    const r = await t.exec(node, ['sh', '-c', 'test -f /etc/passwd && echo host-etc']);
    expect(r.stdout).toBe('host-etc\n');
  });

  it("returns the command's exit code and passes standard input to it", async () => {
    expect((await t.exec(node, ['sh', '-c', 'exit 7'])).code).toBe(7);
    expect((await t.exec(node, ['no-such-command-here'])).code).toBe(127);
    const r = await t.exec(node, ['sh', '-c', 'tr a-z A-Z'], 'hello node\n');
    expect(r).toEqual({ code: 0, stdout: 'HELLO NODE\n', stderr: '' });
  });

  it('writes, moves and deletes manifests in the node root, and the kubelet runs them', async () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: viewpod',
      'spec:',
      '  containers:',
      '  - name: main',
      '    image: busybox:latest',
      '    imagePullPolicy: IfNotPresent',
      '    command: ["sh", "-c", "trap \'exit 0\' TERM; while true; do sleep 1; done"]',
      '',
    ].join('\n');
    const dir = join(root, 'etc/kubernetes/manifests');
    const w = await t.exec(node, ['sh', '-c', 'cat > /tmp/viewpod.yaml && mv /tmp/viewpod.yaml /etc/kubernetes/manifests/viewpod.yaml'], manifest);
    expect(w.code).toBe(0);
    expect(await readFile(join(dir, 'viewpod.yaml'), 'utf8')).toBe(manifest);
    await waitFor('the static pod container', async () => (await t.lab.containers({ 'io.kubernetes.pod.name': `viewpod-${node}`, 'io.kubernetes.container.name': 'main' })).find((c) => c.State === 'running'));

    const mv = await t.exec(node, ['mv', '/etc/kubernetes/manifests/viewpod.yaml', '/etc/kubernetes/viewpod.yaml.off']);
    expect(mv.code).toBe(0);
    expect(existsSync(join(dir, 'viewpod.yaml'))).toBe(false);
    expect(existsSync(join(root, 'etc/kubernetes/viewpod.yaml.off'))).toBe(true);
    await waitFor('the static pod to stop', async () => (await t.lab.containers({ 'io.kubernetes.pod.name': `viewpod-${node}`, 'io.kubernetes.container.name': 'main' })).every((c) => c.State !== 'running'));

    expect((await t.exec(node, ['rm', '/etc/kubernetes/viewpod.yaml.off'])).code).toBe(0);
    expect(existsSync(join(root, 'etc/kubernetes/viewpod.yaml.off'))).toBe(false);
  });

  it('puts the node tools first on PATH', async () => {
    const r = await t.exec(node, ['sh', '-c', 'for t in crictl systemctl journalctl docker; do command -v $t; done']);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['crictl', 'systemctl', 'journalctl', 'docker'].map((x) => join(root, 'usr/local/bin', x)));
  });

  it('names an unknown node clearly', async () => {
    await expect(t.exec('no-such-node', ['true'])).rejects.toThrow(`unknown node "no-such-node"`);
  });
});
