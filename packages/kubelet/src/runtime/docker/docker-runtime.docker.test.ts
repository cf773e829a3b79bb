import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { text } from 'node:stream/consumers';
import Docker from 'dockerode';
import { noopLogger, realClock } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeRoot } from '../../node-root.js';
import { ensureBusyboxImage } from '../../images/index.js';
import { readCriLog } from '../../logs/index.js';
import type { ContainerConfig, PodRef, RuntimeSandbox, SandboxConfig } from '../container-runtime.js';
import { DockerRuntime } from './docker-runtime.js';
import { removeClusterNetwork } from './docker-network.js';
import { CLUSTER_LABEL } from './labels.js';

const docker = new Docker();
const cluster = `kltest-${randomBytes(4).toString('hex')}`;
const rootDir = mkdtempSync(join(tmpdir(), 'kubelab-docker-runtime-'));
const nodeRoot = new NodeRoot(rootDir);
const newRuntime = (): DockerRuntime =>
  new DockerRuntime({ docker, clusterName: cluster, nodeName: 'n1', network: {}, nodeIP: '127.0.0.1', logger: noopLogger, clock: realClock, nodeRoot });
let runtime: DockerRuntime;

beforeAll(async () => {
  await ensureBusyboxImage(docker);
  runtime = newRuntime();
});

afterAll(async () => {
  await runtime.close();
  const containers = await docker.listContainers({ all: true, filters: { label: [`${CLUSTER_LABEL}=${cluster}`] } });
  for (const c of containers) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
  const networks = await docker.listNetworks({ filters: { label: [`${CLUSTER_LABEL}=${cluster}`] } });
  for (const n of networks) await removeClusterNetwork(docker, n.Id);
  rmSync(rootDir, { recursive: true, force: true });
});

/** A free TCP port on loopback for a hostPort binding. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function podRef(name: string): PodRef {
  return { name, namespace: 'default', uid: `uid-${name}` };
}

function sandboxConfig(pod: PodRef, extra: Partial<SandboxConfig> = {}): SandboxConfig {
  return {
    pod,
    attempt: 0,
    hostname: pod.name,
    hostNetwork: false,
    portMappings: [],
    labels: { app: pod.name },
    annotations: {},
    dns: undefined,
    logDirectory: nodeRoot.hostPath(`/var/log/pods/${pod.namespace}_${pod.name}_${pod.uid}`),
    ...extra,
  };
}

function containerConfig(pod: PodRef, name: string, script: string, extra: Partial<ContainerConfig> = {}): ContainerConfig {
  const attempt = extra.attempt ?? 0;
  return {
    name,
    attempt,
    hash: `hash-${name}`,
    image: 'busybox',
    command: ['sh', '-c', script],
    args: [],
    env: [],
    mounts: [],
    tty: false,
    stdin: false,
    stdinOnce: false,
    resources: {},
    privileged: false,
    logPath: nodeRoot.hostPath(`/var/log/pods/${pod.namespace}_${pod.name}_${pod.uid}/${name}/${attempt}.log`),
    labels: {},
    ...extra,
  };
}

async function run(sandbox: RuntimeSandbox, config: ContainerConfig): Promise<string> {
  const id = await runtime.createContainer(sandbox, config);
  await runtime.startContainer(id);
  return id;
}

/** Waits for the container to exit (Docker's wait endpoint) and returns its runtime view. */
async function exited(id: string): Promise<NonNullable<Awaited<ReturnType<DockerRuntime['listContainers']>>[number]>> {
  await docker.getContainer(id).wait();
  const c = (await runtime.listContainers()).find((x) => x.id === id);
  if (!c) throw new Error(`container ${id} not listed`);
  return c;
}

async function logContent(path: string): Promise<string> {
  let out = '';
  for await (const chunk of readCriLog(path)) out += chunk.toString();
  return out;
}

describe('DockerRuntime (real Docker)', () => {
  let sandbox: RuntimeSandbox;
  let webId: string;
  const web = podRef('web');
  let hostPort = 0;
  const dns = { servers: ['10.96.0.10'], searches: ['default.svc.cluster.local', 'svc.cluster.local'], options: ['ndots:5'] };

  it('runs a sandbox on the cluster network with the pod name as hostname', async () => {
    hostPort = await freePort();
    sandbox = await runtime.runSandbox(
      sandboxConfig(web, { dns, portMappings: [{ containerPort: 8080, hostPort, protocol: 'TCP', hostIP: '127.0.0.1' }] }),
    );
    expect(sandbox).toMatchObject({ pod: web, attempt: 0, state: 'ready', hostNetwork: false });
    expect(sandbox.ip).toMatch(/^10\.244\.\d+\.\d+$/);
    const info = await docker.getContainer(sandbox.id).inspect();
    expect(info.Name).toBe('/k8s_POD_web_default_uid-web_0');
    expect(info.Config.Labels).toMatchObject({ app: 'web', 'io.kubernetes.docker.type': 'podsandbox', 'io.kubernetes.container.name': 'POD' });
    expect(await runtime.listSandboxes()).toEqual([sandbox]);
  });

  it('lets containers of a pod talk over localhost and writes their CRI logs', async () => {
    webId = await run(sandbox, containerConfig(web, 'server', "trap 'exit 143' TERM; mkdir -p /www && echo hello-from-web > /www/index.html && httpd -f -p 8080 -h /www & wait"));
    const clientConfig = containerConfig(
      web,
      'client',
      'for i in $(seq 1 100); do if wget -q -O - http://127.0.0.1:8080/; then echo done >&2; exit 0; fi; sleep 0.1; done; exit 1',
    );
    const clientId = await run(sandbox, clientConfig);
    const client = await exited(clientId);
    expect(client).toMatchObject({ name: 'client', state: 'exited', exitCode: 0, reason: 'Completed', sandboxId: sandbox.id, hash: 'hash-client' });
    expect(client.imageId).toMatch(/^docker:\/\/sha256:/);
    await runtime.logs.wait(clientId);
    // stdout and stderr are copied by separate pipes: their relative order is not fixed.
    const lines = readFileSync(clientConfig.logPath, 'utf8').trimEnd().split('\n').sort((a, b) => a.slice(31).localeCompare(b.slice(31)));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z stderr F done$/);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z stdout F hello-from-web$/);
    expect((await logContent(clientConfig.logPath)).split('\n').sort()).toEqual(['', 'done', 'hello-from-web']);
    expect((await runtime.execSync(webId, ['hostname'], 10_000)).output).toBe('web\n');
    expect((await runtime.execSync(webId, ['cat', '/etc/resolv.conf'], 10_000)).output).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local\noptions ndots:5\n',
    );
  });

  it('publishes a hostPort on the sandbox', async () => {
    const res = await fetch(`http://127.0.0.1:${hostPort}/`);
    expect(await res.text()).toBe('hello-from-web\n');
  });

  it('execs with separate streams, stdin, a TTY and exit codes', async () => {
    expect(await runtime.execSync(webId, ['sh', '-c', 'echo out; echo err >&2; exit 3'], 10_000)).toEqual({
      exitCode: 3,
      output: expect.stringMatching(/^(out\nerr\n|err\nout\n)$/) as unknown as string,
    });
    const cat = await runtime.exec(webId, { command: ['sh', '-c', 'cat; echo bad >&2'], stdin: true, stdout: true, stderr: true, tty: false });
    const out = text(cat.stdout as NodeJS.ReadableStream);
    const err = text(cat.stderr as NodeJS.ReadableStream);
    cat.stdin?.end('ping\n');
    expect(await cat.wait()).toBe(0);
    expect(await out).toBe('ping\n');
    expect(await err).toBe('bad\n');
    const tty = await runtime.exec(webId, { command: ['tty'], stdin: false, stdout: true, stderr: true, tty: true });
    expect(tty.stderr).toBeUndefined();
    const ttyOut = text(tty.stdout as NodeJS.ReadableStream);
    expect(await tty.wait()).toBe(0);
    expect(await ttyOut).toMatch(/^\/dev\/pts\/\d+\r\n$/);

    const shell = await runtime.exec(webId, { command: ['sh'], stdin: true, stdout: true, stderr: true, tty: true });
    const shellOut = text(shell.stdout as NodeJS.ReadableStream);
    await shell.resize(100, 40);
    shell.stdin?.write('stty size; exit 7\n');
    expect(await shell.wait()).toBe(7);
    expect(await shellOut).toContain('40 100');
  });

  it('reports a crash with exit code and reason Error, and keeps the log after removal', async () => {
    const config = containerConfig(web, 'crasher', 'echo bye; exit 3', { attempt: 4 });
    const id = await run(sandbox, config);
    expect(await exited(id)).toMatchObject({ attempt: 4, state: 'exited', exitCode: 3, reason: 'Error' });
    await runtime.removeContainer(id);
    expect((await runtime.listContainers()).some((c) => c.id === id)).toBe(false);
    expect(config.logPath.endsWith('/crasher/4.log')).toBe(true);
    expect(await logContent(config.logPath)).toBe('bye\n');
  });

  it('rejects a start that fails, and lists the container as ContainerCannotRun', async () => {
    const id = await runtime.createContainer(sandbox, { ...containerConfig(web, 'broken', ''), command: ['nope'] });
    const notFound = 'exec: "nope": executable file not found in $PATH';
    await expect(runtime.startContainer(id)).rejects.toThrow(notFound);
    const c = (await runtime.listContainers()).find((x) => x.id === id);
    expect(c).toMatchObject({ state: 'exited', reason: 'ContainerCannotRun' });
    expect(c?.message).toContain(notFound);
    expect(c?.exitCode).not.toBe(0);
  });

  it('reports OOMKilled for a container over its memory limit', async () => {
    const config = containerConfig(web, 'hog', 'dd if=/dev/zero of=/dev/null bs=256M count=1', {
      resources: { memoryBytes: 16 * 1024 * 1024 },
    });
    const id = await run(sandbox, config);
    expect(await exited(id)).toMatchObject({ state: 'exited', reason: 'OOMKilled', exitCode: 137 });
    expect((await docker.getContainer(id).inspect()).HostConfig.Memory).toBe(16 * 1024 * 1024);
  });

  it('fails a pull of a missing image at once with the daemon’s message', async () => {
    await expect(runtime.pullImage('kubelab-test-no-such-image')).rejects.toMatchObject({
      name: 'ImagePullError',
      message: expect.stringMatching(/^rpc error: code = Unknown desc = Error response from daemon: /) as unknown as string,
    });
    expect(await runtime.imageExists('busybox:latest')).toBe(true);
    expect(await runtime.imageExists('kubelab-test-no-such-image')).toBe(false);
  });

  it('gives a hostNetwork sandbox the node IP', async () => {
    const host = await runtime.runSandbox(sandboxConfig(podRef('hostnet'), { hostNetwork: true, hostname: 'n1' }));
    expect(host).toMatchObject({ hostNetwork: true, ip: '127.0.0.1', state: 'ready' });
    await runtime.stopSandbox(host.id);
    await runtime.stopSandbox(host.id); // already stopped: tolerated
    expect((await runtime.listSandboxes()).find((s) => s.id === host.id)?.state).toBe('notready');
    await runtime.removeSandbox(host.id);
  });

  it('is adopted by a fresh runtime from labels alone, and log following resumes without duplicates', async () => {
    const ticker = containerConfig(web, 'ticker', 'for i in $(seq 1 12); do echo tick $i; sleep 0.2; done');
    const id = await run(sandbox, ticker);
    await vi.waitFor(() => expect(readFileSync(ticker.logPath, 'utf8')).toContain('tick 3'), { timeout: 20_000 });
    const before = await runtime.listContainers();
    const sandboxesBefore = await runtime.listSandboxes();
    await runtime.close(); // the kubelet goes away; the container keeps running

    runtime = newRuntime();
    expect(await runtime.listSandboxes()).toEqual(sandboxesBefore);
    const after = await runtime.listContainers(); // also resumes following
    const strip = (cs: typeof before): unknown[] => cs.map(({ id: cid, name, attempt, hash, logPath, sandboxId, pod, image }) => ({ cid, name, attempt, hash, logPath, sandboxId, pod, image }));
    expect(strip(after)).toEqual(strip(before));
    await docker.getContainer(id).wait();
    await runtime.logs.wait(id);
    const expected = Array.from({ length: 12 }, (_, i) => `tick ${i + 1}\n`).join('');
    expect(await logContent(ticker.logPath)).toBe(expected);
  });

  it('stops a container with SIGTERM, tolerates stopping it again, and removes the sandbox with its containers', async () => {
    await runtime.stopContainer(webId, 0);
    const stopped = (await runtime.listContainers()).find((c) => c.id === webId);
    expect(stopped).toMatchObject({ state: 'exited', exitCode: 143, reason: 'Error' });
    await runtime.stopContainer(webId, 1);
    const serverLog = stopped?.logPath ?? '';
    await runtime.stopSandbox(sandbox.id);
    await runtime.removeSandbox(sandbox.id);
    expect(await runtime.listSandboxes()).toEqual([]);
    expect(await runtime.listContainers()).toEqual([]);
    expect(existsSync(serverLog)).toBe(true);
  });
});
