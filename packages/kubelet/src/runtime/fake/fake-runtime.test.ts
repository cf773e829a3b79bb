import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerConfig, SandboxConfig } from '../container-runtime.js';
import { readCriLog } from '../../logs/index.js';
import { FakeRuntime } from './fake-runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-fake-runtime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pod = { name: 'web', namespace: 'default', uid: 'u1' };
const sandboxConfig = { pod, attempt: 0, hostname: 'web', hostNetwork: false, portMappings: [], labels: {}, annotations: {}, dns: undefined, logDirectory: dir } as SandboxConfig;
const config = (name: string, attempt = 0): ContainerConfig =>
  ({ name, attempt, hash: 'h', image: 'busybox', command: [], args: [], env: [], mounts: [], tty: false, stdin: false, stdinOnce: false, resources: {}, privileged: false, logPath: join(dir, name, `${attempt}.log`), labels: {} }) as ContainerConfig;

describe('FakeRuntime', () => {
  it('runs sandboxes and containers through their states and records calls', async () => {
    const rt = new FakeRuntime();
    const sb = await rt.runSandbox(sandboxConfig);
    expect(sb).toMatchObject({ pod, state: 'ready', ip: '10.244.0.2', createdAt: 1_800_000_000_000 });
    const id = await rt.createContainer(sb, config('app'));
    expect((await rt.listContainers())[0]).toMatchObject({ id, state: 'created', sandboxId: sb.id });
    rt.advanceClock(1000);
    await rt.startContainer(id);
    expect((await rt.listContainers())[0]).toMatchObject({ state: 'running', startedAt: 1_800_000_001_000 });
    rt.advanceClock(500);
    rt.exitContainer(id, 2);
    expect((await rt.listContainers())[0]).toMatchObject({ state: 'exited', exitCode: 2, reason: 'Error', finishedAt: 1_800_000_001_500 });
    expect(rt.callsOf('startContainer')).toEqual([[id]]);
    await rt.removeSandbox(sb.id);
    expect(await rt.listContainers()).toEqual([]);
    expect(await rt.listSandboxes()).toEqual([]);
  });

  it('scripts a failed start, a failed pull, OOM, stop exit codes and exec answers', async () => {
    const rt = new FakeRuntime({ images: ['busybox'] });
    const sb = await rt.runSandbox(sandboxConfig);
    rt.failStart('bad');
    const bad = await rt.createContainer(sb, config('bad'));
    await expect(rt.startContainer(bad)).rejects.toThrow('exec: "bad": executable file not found in $PATH');
    expect((await rt.listContainers())[0]).toMatchObject({ state: 'exited', reason: 'ContainerCannotRun', exitCode: 127 });

    rt.failPull('nope', 'rpc error: code = Unknown desc = Error response from daemon: pull access denied for nope');
    await expect(rt.pullImage('nope')).rejects.toMatchObject({ name: 'ImagePullError', kind: 'NotFound' });
    expect(await rt.imageExists('busybox')).toBe(true);

    const hog = await rt.createContainer(sb, config('hog'));
    await rt.startContainer(hog);
    rt.exitContainer(hog, 137, { oomKilled: true });
    expect((await rt.listContainers()).find((c) => c.id === hog)).toMatchObject({ reason: 'OOMKilled' });

    const app = await rt.createContainer(sb, config('app'));
    await rt.startContainer(app);
    rt.setExecHandler((_id, cmd) => ({ exitCode: cmd[0] === 'ok' ? 0 : 1, output: cmd.join(' ') }));
    expect(await rt.execSync(app, ['ok', 'go'], 1000)).toEqual({ exitCode: 0, output: 'ok go' });
    const session = await rt.exec(app, { command: ['no'], stdin: false, stdout: true, stderr: true, tty: false });
    expect(await text(session.stdout as NodeJS.ReadableStream)).toBe('no');
    expect(await session.wait()).toBe(1);
    rt.setStopExitCode(app, 0);
    await rt.stopContainer(app, 30);
    expect((await rt.listContainers()).find((c) => c.id === app)).toMatchObject({ exitCode: 0, reason: 'Completed' });
    await expect(rt.execSync(app, ['ok'], 1000)).rejects.toThrow(/not running/);
  });

  it('attaches to the main process until it exits or the caller detaches', async () => {
    const rt = new FakeRuntime({ images: ['busybox'] });
    const sb = await rt.runSandbox(sandboxConfig);
    const app = await rt.createContainer(sb, config('app'));
    await expect(rt.attach(app, { stdin: false, stdout: true, stderr: true, tty: false })).rejects.toThrow(/not running/);
    await rt.startContainer(app);
    const first = await rt.attach(app, { stdin: true, stdout: true, stderr: true, tty: false });
    const controller = new AbortController();
    const second = await rt.attach(app, { stdin: false, stdout: true, stderr: false, tty: false }, controller.signal);
    expect(first.stdin).toBeUndefined();
    rt.emitOutput(app, 'one\n');
    controller.abort();
    expect(await second.wait()).toBe(0);
    rt.emitOutput(app, 'two\n');
    rt.exitContainer(app, 0);
    expect(await text(first.stdout as NodeJS.ReadableStream)).toBe('one\ntwo\n');
    expect(await text(second.stdout as NodeJS.ReadableStream)).toBe('one\n');
    expect(await first.wait()).toBe(0);
    expect(rt.callsOf('attach')).toHaveLength(3);
  });

  it('writes CRI log lines the reader understands', async () => {
    const rt = new FakeRuntime();
    const sb = await rt.runSandbox(sandboxConfig);
    const id = await rt.createContainer(sb, config('logger', 1));
    await rt.writeLog(id, 'hello');
    await rt.writeLog(id, 'oops', 'stderr');
    let out = '';
    for await (const chunk of readCriLog(join(dir, 'logger', '1.log'), { timestamps: true })) out += chunk.toString();
    expect(out).toBe('2027-01-15T08:00:00.000000000Z hello\n2027-01-15T08:00:00.000000000Z oops\n');
  });
});
