/**
 * An in-memory ContainerRuntime for the kubelet core's unit tests (as kuberuntime's
 * fake_kuberuntime_manager / the CRI fake runtime service): sandboxes and containers with the
 * same states, reasons and attempts as DockerRuntime, every call recorded, and scripts to make
 * a container exit, a start or a pull fail, an exec answer, or time move on.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Clock } from '@kubelab/api';
import type {
  ContainerConfig,
  ContainerRuntime,
  ExecOptions,
  ExecSession,
  ImagePullError,
  RuntimeContainer,
  RuntimeSandbox,
  SandboxConfig,
} from '../container-runtime.js';
import { formatCriLines, formatTimestampNanos } from '../../logs/index.js';

export interface FakeRuntimeOptions {
  /** Time source; when absent the fake keeps its own, moved by advanceClock(). */
  clock?: Clock & { advance?(ms: number): void };
  nodeIP?: string;
  version?: string;
  /** Images present from the start. */
  images?: string[];
}

export interface FakeCall {
  method: keyof ContainerRuntime;
  args: unknown[];
}

export type ExecHandler = (containerId: string, command: string[]) => { exitCode: number; output: string };

interface FakeContainer extends RuntimeContainer {
  config: ContainerConfig;
}

export class FakeRuntime implements ContainerRuntime {
  readonly calls: FakeCall[] = [];
  readonly sandboxes = new Map<string, RuntimeSandbox>();
  readonly containers = new Map<string, FakeContainer>();
  readonly images = new Set<string>();
  private ownTime = 1_800_000_000_000;
  private seq = 0;
  private readonly startFailures = new Map<string, string>();
  private readonly pullFailures = new Map<string, { message: string; kind: ImagePullError['kind'] }>();
  private readonly stopExitCodes = new Map<string, number>();
  private execHandler: ExecHandler = () => ({ exitCode: 0, output: '' });
  private readonly attached = new Map<string, Set<{ stdout: PassThrough; detach: () => void }>>();

  constructor(private readonly opts: FakeRuntimeOptions = {}) {
    for (const image of opts.images ?? []) this.images.add(image);
  }

  // --- scripting -------------------------------------------------------------------------

  now(): number {
    return this.opts.clock ? this.opts.clock.now() : this.ownTime;
  }

  advanceClock(ms: number): void {
    if (this.opts.clock?.advance) this.opts.clock.advance(ms);
    else this.ownTime += ms;
  }

  /** The next start of a container with this name (spec name) fails with Docker's message. */
  failStart(containerName: string, message = `exec: "${containerName}": executable file not found in $PATH`): void {
    this.startFailures.set(containerName, message);
  }

  failPull(image: string, message: string, kind: ImagePullError['kind'] = 'NotFound'): void {
    this.pullFailures.set(image, { message, kind });
  }

  /** Exit code a container reports when stopped (default 143, SIGTERM). */
  setStopExitCode(containerId: string, exitCode: number): void {
    this.stopExitCodes.set(containerId, exitCode);
  }

  setExecHandler(handler: ExecHandler): void {
    this.execHandler = handler;
  }

  /** The main process of a running container prints this: every attached session sees it. */
  emitOutput(id: string, text: string): void {
    for (const a of this.attached.get(id) ?? []) a.stdout.write(text);
  }

  /** Makes a running container exit now: Completed for 0, Error otherwise, or OOMKilled. */
  exitContainer(id: string, exitCode: number, opts: { oomKilled?: boolean; message?: string } = {}): void {
    const c = this.mustContainer(id);
    if (c.state !== 'running') throw new Error(`fake: container ${id} is ${c.state}, not running`);
    for (const a of [...(this.attached.get(id) ?? [])]) a.detach();
    Object.assign(c, {
      state: 'exited',
      exitCode,
      finishedAt: this.now(),
      reason: opts.oomKilled ? 'OOMKilled' : exitCode === 0 ? 'Completed' : 'Error',
      message: opts.message,
    });
  }

  /** Makes a sandbox not ready (its pause process died). */
  killSandbox(id: string): void {
    this.mustSandbox(id).state = 'notready';
  }

  /** Appends a CRI log line for the container, as the log writer would. */
  async writeLog(id: string, line: string, stream: 'stdout' | 'stderr' = 'stdout'): Promise<void> {
    const c = this.mustContainer(id);
    await mkdir(dirname(c.logPath), { recursive: true });
    const timestamp = formatTimestampNanos(BigInt(this.now()) * 1_000_000n);
    await appendFile(c.logPath, Buffer.concat(formatCriLines({ stream, timestamp, content: Buffer.from(line), partial: false })));
  }

  callsOf(method: keyof ContainerRuntime): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  // --- ContainerRuntime ------------------------------------------------------------------

  version(): Promise<string> {
    this.record('version');
    return Promise.resolve(this.opts.version ?? 'docker://20.10.24');
  }

  listSandboxes(): Promise<RuntimeSandbox[]> {
    this.record('listSandboxes');
    return Promise.resolve([...this.sandboxes.values()].map((s) => ({ ...s, pod: { ...s.pod } })));
  }

  listContainers(): Promise<RuntimeContainer[]> {
    this.record('listContainers');
    return Promise.resolve([...this.containers.values()].map(({ config: _config, ...c }) => ({ ...c, pod: { ...c.pod }, labels: { ...c.labels } })));
  }

  runSandbox(config: SandboxConfig): Promise<RuntimeSandbox> {
    this.record('runSandbox', config);
    const n = this.sandboxes.size + 2;
    const sandbox: RuntimeSandbox = {
      id: this.newId('sandbox'),
      pod: { ...config.pod },
      attempt: config.attempt,
      state: 'ready',
      ip: config.hostNetwork ? (this.opts.nodeIP ?? '192.0.2.10') : `10.244.0.${n}`,
      hostNetwork: config.hostNetwork,
      createdAt: this.now(),
    };
    this.sandboxes.set(sandbox.id, sandbox);
    return Promise.resolve({ ...sandbox });
  }

  stopSandbox(id: string): Promise<void> {
    this.record('stopSandbox', id);
    const s = this.sandboxes.get(id);
    if (s) s.state = 'notready';
    return Promise.resolve();
  }

  removeSandbox(id: string): Promise<void> {
    this.record('removeSandbox', id);
    for (const c of [...this.containers.values()]) if (c.sandboxId === id) this.containers.delete(c.id);
    this.sandboxes.delete(id);
    return Promise.resolve();
  }

  imageExists(image: string): Promise<boolean> {
    this.record('imageExists', image);
    return Promise.resolve(this.images.has(image));
  }

  pullImage(image: string): Promise<string> {
    this.record('pullImage', image);
    const failure = this.pullFailures.get(image);
    if (failure) {
      const err = new Error(failure.message) as ImagePullError;
      err.name = 'ImagePullError';
      err.kind = failure.kind;
      return Promise.reject(err);
    }
    this.images.add(image);
    return Promise.resolve(`sha256:${Buffer.from(image).toString('hex').padEnd(64, '0').slice(0, 64)}`);
  }

  createContainer(sandbox: RuntimeSandbox, config: ContainerConfig): Promise<string> {
    this.record('createContainer', sandbox, config);
    if (!this.sandboxes.has(sandbox.id)) return Promise.reject(new Error(`No such container: ${sandbox.id}`));
    const id = this.newId('container');
    this.containers.set(id, {
      id,
      name: config.name,
      pod: { ...sandbox.pod },
      sandboxId: sandbox.id,
      attempt: config.attempt,
      hash: config.hash,
      image: config.image,
      imageId: `docker://sha256:${Buffer.from(config.image).toString('hex').padEnd(64, '0').slice(0, 64)}`,
      state: 'created',
      createdAt: this.now(),
      logPath: config.logPath,
      labels: { ...config.labels },
      config,
    });
    return Promise.resolve(id);
  }

  startContainer(id: string): Promise<void> {
    this.record('startContainer', id);
    const c = this.mustContainer(id);
    const failure = this.startFailures.get(c.name);
    if (failure !== undefined) {
      this.startFailures.delete(c.name);
      Object.assign(c, { state: 'exited', exitCode: 127, reason: 'ContainerCannotRun', message: failure, startedAt: c.createdAt, finishedAt: c.createdAt });
      return Promise.reject(new Error(failure));
    }
    Object.assign(c, { state: 'running', startedAt: this.now() });
    return Promise.resolve();
  }

  stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    this.record('stopContainer', id, timeoutSeconds);
    const c = this.containers.get(id);
    if (c?.state === 'running') this.exitContainer(id, this.stopExitCodes.get(id) ?? 143);
    return Promise.resolve();
  }

  removeContainer(id: string): Promise<void> {
    this.record('removeContainer', id);
    this.containers.delete(id);
    return Promise.resolve();
  }

  exec(containerId: string, opts: ExecOptions): Promise<ExecSession> {
    this.record('exec', containerId, opts);
    const { exitCode, output } = this.execHandler(containerId, opts.command);
    const stdout = opts.stdout ? new PassThrough() : undefined;
    stdout?.end(output);
    const stderr = opts.stderr && !opts.tty ? new PassThrough() : undefined;
    stderr?.end();
    return Promise.resolve({
      stdin: opts.stdin ? new PassThrough() : undefined,
      stdout,
      stderr,
      resize: () => Promise.resolve(),
      wait: () => Promise.resolve(exitCode),
    });
  }

  attach(containerId: string, opts: Omit<ExecOptions, 'command'>, signal?: AbortSignal): Promise<ExecSession> {
    this.record('attach', containerId, opts);
    const c = this.containers.get(containerId);
    if (c?.state !== 'running') return Promise.reject(new Error(`container ${containerId} is not running`));
    const stdout = new PassThrough();
    const sessions = this.attached.get(containerId) ?? new Set();
    this.attached.set(containerId, sessions);
    let done: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => (done = resolve));
    const entry = {
      stdout,
      detach: () => {
        sessions.delete(entry);
        stdout.end();
        done(0);
      },
    };
    sessions.add(entry);
    if (signal?.aborted) entry.detach();
    else signal?.addEventListener('abort', entry.detach, { once: true });
    return Promise.resolve({
      stdin: opts.stdin && c.config.stdin ? new PassThrough() : undefined,
      stdout: opts.stdout ? stdout : (stdout.resume(), undefined),
      stderr: undefined,
      resize: () => Promise.resolve(),
      wait: () => exit,
    });
  }

  execSync(containerId: string, command: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    this.record('execSync', containerId, command, timeoutMs);
    const c = this.containers.get(containerId);
    if (c?.state !== 'running') return Promise.reject(new Error(`container ${containerId} is not running`));
    return Promise.resolve(this.execHandler(containerId, command));
  }

  // --- internals -------------------------------------------------------------------------

  private record(method: keyof ContainerRuntime, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  private newId(kind: 'sandbox' | 'container'): string {
    this.seq += 1;
    // Hex like Docker's, distinct in the first 12 characters that `docker ps` and crictl show.
    return `${this.seq.toString(16).padStart(10, '0')}${kind === 'sandbox' ? '5a' : 'c0'}`.padEnd(64, '0');
  }

  private mustContainer(id: string): FakeContainer {
    const c = this.containers.get(id);
    if (!c) throw new Error(`fake: no container ${id}`);
    return c;
  }

  private mustSandbox(id: string): RuntimeSandbox {
    const s = this.sandboxes.get(id);
    if (!s) throw new Error(`fake: no sandbox ${id}`);
    return s;
  }
}
