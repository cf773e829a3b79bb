/**
 * kubectl port-forward and attach on a real kubelet, through the API server, with several
 * kubectl versions: 1.27 (SPDY), 1.32 and 1.33 (port-forward tunnelled through a WebSocket,
 * attach over WebSocket v5). Port-forward reaches busybox httpd on the pod's IP (and on the
 * node for a hostNetwork pod); attach follows a container's output and feeds one's stdin.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubectlProcess } from '../src/streaming/testing/run-kubectl.js';
import { kubectlVersion, runKubectl, startKubectl } from '../src/streaming/testing/run-kubectl.js';
import type { Lab } from './harness/lab.js';
import { createLab, freePort, KUBECTL } from './harness/lab.js';
import { waitFor } from './harness/wait-for.js';

let lab: Lab;
const NODE = 'lab-stream';
const kubectl132 = KUBECTL;
const versions = [
  { name: '1.32', binary: kubectl132 },
  { name: '1.27', binary: kubectlVersion(27) },
  { name: '1.33', binary: kubectlVersion(33) },
];
const running: KubectlProcess[] = [];

function server(): { kubeconfig: string; cacheDir: string } {
  return { kubeconfig: join(lab.dir, 'admin.conf'), cacheDir: join(lab.dir, 'kube-cache') };
}

function start(binary: string, args: string[], stdin?: 'pipe'): ReturnType<typeof startKubectl> {
  const p = startKubectl({ binary, server: server(), args, stdin });
  running.push(p);
  return p;
}

const pod = (name: string, spec: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${NODE}
  terminationGracePeriodSeconds: 1
${spec}`;

const httpd = (port: number) => `    image: busybox:1.36
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "mkdir -p /www && echo 'hello from kubelab' > /www/index.html && head -c 3000000 /dev/urandom > /www/big && exec httpd -f -p ${port} -h /www"]
`;

async function phase(name: string): Promise<string | undefined> {
  const r = await lab.kubectl(['get', 'pod', name, '-o', 'jsonpath={.status.phase}']);
  return r.code === 0 ? r.stdout : undefined;
}

function get(port: number, path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  lab = await createLab('klstream');
  await lab.addNode(NODE);
  await lab.startApiServer();
  await lab.startKubelet(NODE);
  await waitFor('the node registered', async () => (await lab.kubectl(['get', 'node', NODE])).code === 0);
  expect((await lab.kubectl(['apply', '-f', '-'], pod('web', `  containers:\n  - name: web\n${httpd(8080)}`))).code).toBe(0);
  await waitFor('web running', async () => (await phase('web')) === 'Running', { timeoutMs: 60_000 });
  // A refused connection ends kubectl port-forward (closeConnection): wait for httpd to listen.
  await waitFor('httpd answering in web', async () => (await lab.kubectl(['exec', 'web', '--', 'wget', '-qO', '/dev/null', 'http://127.0.0.1:8080/index.html'])).code === 0);
}, 180_000);

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await lab?.cleanup();
}, 120_000);

describe.each(versions)('kubectl $name port-forward', ({ binary }) => {
  it('forwards a local port to the pod and serves files through it', async () => {
    const local = await freePort();
    const pf = start(binary, ['port-forward', 'pod/web', `${local}:8080`]);
    await pf.waitForStdout(new RegExp(`Forwarding from 127\\.0\\.0\\.1:${local} -> 8080`));
    const index = await get(local, '/index.html');
    expect(index.status).toBe(200);
    expect(index.body.toString()).toBe('hello from kubelab\n');
    const big = await get(local, '/big');
    const inPod = await lab.kubectl(['exec', 'web', '--', 'sha256sum', '/www/big']);
    expect(big.body.length).toBe(3_000_000);
    expect(inPod.stdout.split(' ')[0]).toBe(createHash('sha256').update(big.body).digest('hex'));
    expect(pf.stdout()).toContain('Handling connection for');
    expect(await pf.stop()).not.toBe(null);
  });
});

describe('port-forward to a hostNetwork pod', () => {
  it('reaches the port on the node', async () => {
    const hostPort = await freePort();
    const spec = `  hostNetwork: true\n  containers:\n  - name: web\n${httpd(hostPort)}`;
    expect((await lab.kubectl(['apply', '-f', '-'], pod('hostweb', spec))).code).toBe(0);
    await waitFor('hostweb running', async () => (await phase('hostweb')) === 'Running', { timeoutMs: 60_000 });
    await waitFor('httpd answering on the node', async () => (await get(hostPort, '/index.html').catch(() => undefined))?.status === 200);
    const local = await freePort();
    const pf = start(kubectl132, ['port-forward', 'hostweb', `${local}:${hostPort}`]);
    await pf.waitForStdout(/Forwarding from 127\.0\.0\.1/);
    const r = await get(local, '/index.html');
    expect(r.body.toString()).toBe('hello from kubelab\n');
    await pf.stop();
    await lab.kubectl(['delete', 'pod', 'hostweb', '--wait=false']);
  });
});

describe.each(versions.slice(0, 2))('kubectl $name attach', ({ name, binary }) => {
  it('follows the new output of the main process until interrupted', async () => {
    const ticker = `ticker-${name.replace('.', '')}`;
    const spec = `  containers:
  - name: ticker
    image: busybox:1.36
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done"]
`;
    expect((await lab.kubectl(['apply', '-f', '-'], pod(ticker, spec))).code).toBe(0);
    await waitFor(`${ticker} running`, async () => (await phase(ticker)) === 'Running', { timeoutMs: 60_000 });
    const attach = start(binary, ['attach', ticker]);
    const m = await attach.waitForStdout(/tick (\d+)\ntick (\d+)\n/);
    expect(Number(m[2])).toBe(Number(m[1]) + 1);
    await attach.stop();
    await lab.kubectl(['delete', 'pod', ticker, '--wait=false']);
  });

  it('feeds stdin to a container that keeps it open, and ends when the container exits', async () => {
    const reader = `reader-${name.replace('.', '')}`;
    const spec = `  restartPolicy: Never
  containers:
  - name: reader
    image: busybox:1.36
    imagePullPolicy: IfNotPresent
    stdin: true
    stdinOnce: true
    command: ["sh", "-c", "while read line; do echo \\"got $line\\"; done; echo eof"]
`;
    expect((await lab.kubectl(['apply', '-f', '-'], pod(reader, spec))).code).toBe(0);
    await waitFor(`${reader} running`, async () => (await phase(reader)) === 'Running', { timeoutMs: 60_000 });
    const r = await runKubectl({ binary, server: server(), args: ['attach', '-i', reader], input: Buffer.from('one\ntwo\n') });
    expect(r.stdout.toString()).toBe('got one\ngot two\neof\n');
    expect(r.code).toBe(0);
    await waitFor(`${reader} Succeeded`, async () => (await phase(reader)) === 'Succeeded');
  });

  it('attaches a terminal (-it) and resizes it to the client\'s', async () => {
    const shell = `tty-${name.replace('.', '')}`;
    // The size only changes once kubectl is attached: "sized" cannot be printed before.
    const spec = `  restartPolicy: Never
  containers:
  - name: shell
    image: busybox:1.36
    imagePullPolicy: IfNotPresent
    stdin: true
    tty: true
    command: ["sh", "-c", "until [ \\"$(stty size)\\" = '45 123' ]; do sleep 0.1; done; echo sized"]
`;
    expect((await lab.kubectl(['apply', '-f', '-'], pod(shell, spec))).code).toBe(0);
    await waitFor(`${shell} running`, async () => (await phase(shell)) === 'Running', { timeoutMs: 60_000 });
    const r = await runKubectl({ binary, server: server(), args: ['attach', '-it', shell], terminal: { columns: 123, rows: 45 } });
    expect(r.stdout.toString()).toContain('sized\r\n');
    expect(r.code).toBe(0);
  });
});

describe('kubectl run -i --rm', () => {
  it('attaches to the new pod\'s stdin and deletes the pod afterwards', async () => {
    const overrides = JSON.stringify({ apiVersion: 'v1', spec: { nodeName: NODE } });
    const r = await runKubectl({
      binary: kubectl132,
      server: server(),
      args: ['run', 'once', '-i', '--rm', '--restart=Never', '--image=busybox:1.36', '--image-pull-policy=IfNotPresent', `--overrides=${overrides}`, '--', 'sh', '-c', 'read x; echo "got $x"'],
      input: Buffer.from('hello\n'),
    });
    expect(r.stdout.toString()).toBe('got hello\npod "once" deleted\n');
    expect(r.code).toBe(0);
    await waitFor('the pod gone', async () => (await lab.kubectl(['get', 'pod', 'once'])).code === 1);
  });
});
