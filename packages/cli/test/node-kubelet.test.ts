/**
 * The node's kubelet as a service: systemctl cat|status|is-active|stop|start|restart kubelet
 * in the node's view, `kubelab node stop|start|restart`, and `ps aux | grep kubelet` showing
 * its --config. Containers keep running while the kubelet is stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRestartCommand } from '../src/commands/node-restart.js';
import { nodeStartCommand } from '../src/commands/node-start.js';
import { nodeStopCommand } from '../src/commands/node-stop.js';
import { createNodeLab, waitFor, type NodeLab } from './node-harness.js';

let t: NodeLab;
let node: string;

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: keeper
spec:
  containers:
  - name: keeper
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
`;

async function keeper(): Promise<string | undefined> {
  const cs = await t.lab.containers({ 'io.kubernetes.pod.name': `keeper-${node}`, 'io.kubernetes.container.name': 'keeper' });
  return cs.find((c) => c.State === 'running')?.Id;
}

const status = (): ReturnType<NodeLab['kubelets']['status']> => t.kubelets.status(t.record, t.nodeRecord(node));

beforeAll(async () => {
  t = await createNodeLab({ nodes: ['worker'] });
  node = t.nodes[0] ?? '';
  await t.lab.writeManifest(node, 'keeper.yaml', manifest);
  await waitFor('the static pod', keeper);
}, 180_000);

afterAll(async () => {
  await t?.cleanup();
}, 120_000);

describe('systemctl in a node view', () => {
  it('cat kubelet leads to config.yaml and its staticPodPath, as on a kubeadm node', async () => {
    const cat = await t.exec(node, ['systemctl', 'cat', 'kubelet']);
    expect(cat.code).toBe(0);
    expect(cat.stdout).toMatch(/^# \/usr\/lib\/systemd\/system\/kubelet\.service\n\[Unit\]\n/);
    expect(cat.stdout).toContain('# /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf\n');
    const execStart = cat.stdout.split('\n').filter((l) => l.startsWith('ExecStart=')).pop() ?? '';
    expect(execStart).toContain(' --config=/var/lib/kubelet/config.yaml ');
    expect(execStart).toContain(`--hostname-override=${node}`);
    const chain = await t.exec(node, ['sh', '-c', "systemctl cat kubelet | grep -o -- '--config=[^ ]*' | tail -1 | cut -d= -f2 | xargs grep staticPodPath"]);
    expect(chain).toEqual({ code: 0, stdout: 'staticPodPath: /etc/kubernetes/manifests\n', stderr: '' });
  });

  it('status shows the running unit, its main PID and its last journal lines', async () => {
    const { pid } = await status();
    const r = await t.exec(node, ['systemctl', 'status', 'kubelet', '--no-pager']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(lines).toContain('     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)');
    expect(lines.find((l) => l.startsWith('     Active: '))).toMatch(/^ {5}Active: active \(running\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+; .+ ago$/);
    expect(lines).toContain(`   Main PID: ${pid} (node)`);
    expect(lines.find((l) => l.includes('└─') && l.includes(`${pid} `))).toContain('--config=/var/lib/kubelet/config.yaml');
    const journal = lines.slice(lines.indexOf('') + 1).filter(Boolean);
    expect(journal.length).toBeGreaterThan(0);
    for (const l of journal) expect(l).toMatch(new RegExp(` ${node} kubelet\\[\\d+\\]: `));
    expect(await t.exec(node, ['systemctl', 'is-active', 'kubelet'])).toEqual({ code: 0, stdout: 'active\n', stderr: '' });
  });

  it('ps shows the kubelet process with --config=/var/lib/kubelet/config.yaml', async () => {
    const r = await t.exec(node, ['sh', '-c', `ps aux | grep -- '--hostname-override=${node}' | grep -v grep`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--config=/var/lib/kubelet/config.yaml');
  });

  it('stop stops the kubelet and leaves the containers running; start brings it back', async () => {
    const container = await keeper();
    const stop = await t.exec(node, ['systemctl', 'stop', 'kubelet']);
    expect(stop).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await status()).running).toBe(false);
    expect(await keeper()).toBe(container);
    const st = await t.exec(node, ['systemctl', 'status', 'kubelet']);
    expect(st.code).toBe(3);
    expect(st.stdout.split('\n').slice(0, 6)).toContain('     Active: inactive (dead)');
    expect(st.stdout.startsWith('○ kubelet.service')).toBe(true);
    expect(await t.exec(node, ['systemctl', 'is-active', 'kubelet'])).toEqual({ code: 3, stdout: 'inactive\n', stderr: '' });
    expect((await t.exec(node, ['systemctl', 'cat', 'kubelet'])).stdout).toContain('--config=/var/lib/kubelet/config.yaml');

    expect(await t.exec(node, ['systemctl', 'start', 'kubelet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    await t.waitHealthy(node);
    expect((await status()).running).toBe(true);
    expect(await keeper()).toBe(container);
  });

  it('restart gives a new kubelet process', async () => {
    const before = (await status()).pid;
    expect((await t.exec(node, ['systemctl', 'restart', 'kubelet'])).code).toBe(0);
    await t.waitHealthy(node);
    const after = await status();
    expect(after.running).toBe(true);
    expect(after.pid).not.toBe(before);
  });

  it('answers for other units as systemd does', async () => {
    expect(await t.exec(node, ['systemctl', 'status', 'containerd'])).toEqual({ code: 4, stdout: '', stderr: 'Unit containerd.service could not be found.\n' });
    expect(await t.exec(node, ['systemctl', 'cat', 'docker.service'])).toEqual({ code: 1, stdout: '', stderr: 'No files found for docker.service.\n' });
    expect(await t.exec(node, ['systemctl', 'stop', 'etcd'])).toEqual({ code: 5, stdout: '', stderr: 'Failed to stop etcd.service: Unit etcd.service not loaded.\n' });
  });
});

describe('kubelab node stop|start|restart', () => {
  it("stops, starts and restarts the node's kubelet; the containers keep running", async () => {
    const container = await keeper();
    const run = async (cmd: typeof nodeStopCommand): Promise<string> => {
      const { ctx, out } = t.context([node]);
      expect((await cmd.run(ctx)) ?? 0).toBe(0);
      return out().stderr;
    };
    expect(await run(nodeStopCommand)).toBe(`Stopped the kubelet of node "${node}"; its containers keep running\n`);
    expect((await status()).running).toBe(false);
    expect(await keeper()).toBe(container);

    const started = await run(nodeStartCommand);
    await t.waitHealthy(node);
    const first = await status();
    expect(first.running).toBe(true);
    expect(started).toBe(`Started the kubelet of node "${node}" (pid ${first.pid})\n`);

    const restarted = await run(nodeRestartCommand);
    await t.waitHealthy(node);
    const second = await status();
    expect(second.pid).not.toBe(first.pid);
    expect(restarted).toBe(`Restarted the kubelet of node "${node}" (pid ${second.pid})\n`);
    expect(await keeper()).toBe(container);
  });
});
