/**
 * The node tools in a node's view against real kubelets and containers: crictl ps/pods/logs/
 * inspect/stop/rm in crictl's layouts, docker ps limited to the node, journalctl -u kubelet.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeLab, waitFor, type NodeLab } from './node-harness.js';

let t: NodeLab;
let node: string;
let other: string;

const manifest = (name: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; i=0; while true; do echo out $i; echo err $i >&2; i=$((i+1)); sleep 1; done"]
`;

async function running(n: string, pod: string): Promise<{ Id: string; Labels: Record<string, string> } | undefined> {
  const cs = await t.lab.containers({ 'io.kubernetes.pod.name': `${pod}-${n}`, 'io.kubernetes.docker.type': 'container' });
  return cs.find((c) => c.State === 'running');
}

beforeAll(async () => {
  t = await createNodeLab({ nodes: ['worker', 'worker2'] });
  [node = '', other = ''] = t.nodes;
  await t.lab.writeManifest(node, 'logger.yaml', manifest('logger'));
  await t.lab.writeManifest(other, 'other.yaml', manifest('other'));
  await waitFor('both static pods', async () => (await running(node, 'logger')) && (await running(other, 'other')), { timeoutMs: 60_000 });
}, 180_000);

afterAll(async () => {
  await t?.cleanup();
}, 120_000);

describe('crictl in a node view', () => {
  it("lists the node's running containers in crictl's layout", async () => {
    const c = await running(node, 'logger');
    const r = await t.exec(node, ['crictl', 'ps']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^CONTAINER {11}IMAGE {15}CREATED +STATE +NAME +ATTEMPT +POD ID +POD +NAMESPACE$/);
    expect(rows).toHaveLength(1);
    const cells = (rows[0] ?? '').split(/ {2,}/);
    expect(cells[0]).toBe(c?.Id.slice(0, 13));
    expect(cells[1]).toMatch(/^[0-9a-f]{13}$/);
    expect(cells[2]).toMatch(/^(\d+ seconds|1 second|Less than a second|About a minute|\d+ minutes) ago$/);
    expect(cells.slice(3)).toEqual(['Running', 'logger', '0', (c?.Labels['io.kubernetes.sandbox.id'] ?? '').slice(0, 13), `logger-${node}`, 'default']);
    expect((await t.exec(node, ['crictl', 'ps', '-q'])).stdout).toBe(`${c?.Id}\n`);
  });

  it("lists the node's pods", async () => {
    const r = await t.exec(node, ['crictl', 'pods']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^POD ID {14}CREATED +STATE +NAME +NAMESPACE +ATTEMPT +RUNTIME$/);
    expect(lines.slice(1).map((l) => l.split(/ {2,}/).slice(2))).toEqual([['Ready', `logger-${node}`, 'default', '0', '(default)']]);
  });

  it("prints a container's log content, each stream to its own, by ID prefix", async () => {
    const c = await running(node, 'logger');
    await waitFor('two lines of log', async () => (await t.exec(node, ['crictl', 'logs', (c?.Id ?? '').slice(0, 8)])).stdout.split('\n').length > 2);
    const r = await t.exec(node, ['crictl', 'logs', '--tail', '2', (c?.Id ?? '').slice(0, 8)]);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    const err = r.stderr.trimEnd().split('\n');
    expect(out.length + err.length).toBe(2);
    for (const l of out) expect(l).toMatch(/^out \d+$/);
    for (const l of err) expect(l).toMatch(/^err \d+$/);
  });

  it('follows a log with -f until interrupted', async () => {
    const c = await running(node, 'logger');
    const shim = join(t.nodeRecord(node).root, 'usr/local/bin/crictl');
    const child = spawn(shim, ['logs', '-f', '--tail', '0', c?.Id ?? ''], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The container writes a line a second: two new ones arrive while following.
      await waitFor('two followed lines', () => out.split('\n').filter((l) => /^out \d+$/.test(l)).length >= 2, { timeoutMs: 20_000 });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('inspects a container as CRI ContainerStatus JSON with node paths', async () => {
    const c = await running(node, 'logger');
    const r = await t.exec(node, ['crictl', 'inspect', (c?.Id ?? '').slice(0, 13)]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { info: { pid: number; sandboxID: string }; status: Record<string, unknown> };
    expect(Object.keys(doc)).toEqual(['info', 'status']);
    expect(doc.status).toMatchObject({ id: c?.Id, state: 'CONTAINER_RUNNING', metadata: { attempt: 0, name: 'logger' }, exitCode: 0, finishedAt: '0001-01-01T00:00:00Z' });
    expect(String(doc.status.logPath)).toMatch(new RegExp(`^/var/log/pods/default_logger-${node}_[0-9a-f]+/logger/0\\.log$`));
    expect(doc.info.pid).toBeGreaterThan(0);
    expect(doc.info.sandboxID).toBe(c?.Labels['io.kubernetes.sandbox.id']);
  });

  it("answers for unknown IDs and other nodes' containers as containerd does", async () => {
    const theirs = await running(other, 'other');
    const r = await t.exec(node, ['crictl', 'inspect', theirs?.Id ?? 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^time="[^"]+" level=fatal msg="get the status of containers: get container status: rpc error: code = NotFound desc = an error occurred when try to find container \\"[0-9a-f]{64}\\": not found"\n$/);
  });

  it('stops a container (the kubelet restarts it) and removes the exited one with its log', async () => {
    const first = await running(node, 'logger');
    const id = first?.Id ?? '';
    const stop = await t.exec(node, ['crictl', 'stop', id.slice(0, 13)]);
    expect(stop).toMatchObject({ code: 0, stdout: `${id.slice(0, 13)}\n` });
    const second = await waitFor('the restarted container', async () => {
      const c = await running(node, 'logger');
      return c && c.Id !== id ? c : undefined;
    });
    const all = await t.exec(node, ['crictl', 'ps', '-a', '--name', '^logger$']);
    const rows = all.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(/ {2,}/));
    expect(rows.map((r) => [r[0], r[3], r[5]])).toEqual([
      [second.Id.slice(0, 13), 'Running', '1'],
      [id.slice(0, 13), 'Exited', '0'],
    ]);

    const running_ = await t.exec(node, ['crictl', 'rm', second.Id]);
    expect(running_.code).toBe(1);
    expect(running_.stderr).toContain(`container \\"${second.Id}\\" is running, please stop it first`);

    const logPath = join(t.nodeRecord(node).root, String(JSON.parse((await t.exec(node, ['crictl', 'inspect', id])).stdout).status.logPath));
    expect(existsSync(logPath)).toBe(true);
    const rm = await t.exec(node, ['crictl', 'rm', id]);
    expect(rm).toMatchObject({ code: 0, stdout: `${id}\n` });
    expect(await t.lab.containers({ 'io.kubernetes.pod.name': `logger-${node}` }).then((cs) => cs.some((c) => c.Id === id))).toBe(false);
    expect(existsSync(logPath)).toBe(false);
  });
});

describe('docker in a node view', () => {
  it("shows only the node's containers, in docker's layout", async () => {
    const mine = await t.lab.containers({ 'io.kubelab.node': node });
    const r = await t.exec(node, ['docker', 'ps', '-a', '--format', '{{.ID}} {{.Names}}']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[0]).sort()).toEqual(mine.map((c) => c.Id.slice(0, 12)).sort());
    expect(lines.every((l) => l.includes(`-${node}_`) && !l.includes(`-${other}_`))).toBe(true);
    const table = await t.exec(node, ['docker', 'ps']);
    expect(table.stdout.split('\n')[0]).toMatch(/^CONTAINER ID {3}IMAGE {4,}COMMAND {4,}CREATED {4,}STATUS {4,}PORTS {4,}NAMES$/);
  });

  it('passes other subcommands to the real docker', async () => {
    const r = await t.exec(node, ['docker', 'image', 'inspect', '--format', '{{index .Config.Labels "io.kubelab.image"}}', 'busybox:latest']);
    expect(r).toEqual({ code: 0, stdout: 'true\n', stderr: '' });
  });
});

describe('journalctl in a node view', () => {
  it("shows the kubelet's klog lines journal-style", async () => {
    const pid = (await t.kubelets.status(t.record, t.nodeRecord(node))).pid;
    const r = await t.exec(node, ['journalctl', '-u', 'kubelet', '-n', '3', '--no-pager']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(new RegExp(`^[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d ${node} kubelet\\[${pid}\\]: [IWE]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +${pid} `));
    expect((await t.exec(node, ['journalctl', '-u', 'containerd', '--no-pager'])).stdout).toBe('-- No entries --\n');
  });

  it('follows new lines with -f', async () => {
    const shim = join(t.nodeRecord(node).root, 'usr/local/bin/journalctl');
    const child = spawn(shim, ['-u', 'kubelet', '-f', '-n', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The kubelet logs what it does with a new static pod.
      // The last line comes first: the follower is then at the end of the log.
      await waitFor('the follower to start', () => out.includes('\n'));
      await t.lab.writeManifest(node, 'follow.yaml', manifest('follow'));
      const line = await waitFor('a followed line', () => out.split('\n').find((l) => l.includes('follow')), { timeoutMs: 30_000 });
      expect(line).toMatch(new RegExp(`^[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d ${node} kubelet\\[\\d+\\]: `));
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
