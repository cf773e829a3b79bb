/**
 * ContainerRuntime on a Docker engine, as dockershim drove it: a pause sandbox per pod on the
 * cluster's bridge network (or the host's), app containers in its namespaces, dockershim's
 * names and labels (so `docker ps -a` alone rebuilds the kubelet's view after a restart), and
 * every container's output copied into its CRI log file by the LogWriterManager.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import Dockerode from 'dockerode';
import type { Clock, Logger } from '@kubelab/api';
import type {
  ContainerConfig,
  ContainerRuntime,
  ExecOptions,
  ExecSession,
  RuntimeContainer,
  RuntimeSandbox,
  SandboxConfig,
} from '../container-runtime.js';
import type { NodeRoot } from '../../node-root.js';
import { LogWriterManager } from '../../logs/index.js';
import { ensurePauseImage, PAUSE_IMAGE } from '../../images/index.js';
import { ContainerInspector } from './container-inspector.js';
import { toRuntimeSandbox } from './convert.js';
import { containerCreateOptions } from './container-spec.js';
import { daemonMessage, isConflict, isNotFound, isNotModified } from './docker-errors.js';
import { startAttach } from './docker-attach.js';
import { startExec, execSync } from './docker-exec.js';
import { DockerLogSource } from './docker-log-source.js';
import { clusterNetworkName, ensureClusterNetwork, type ClusterNetwork } from './docker-network.js';
import { pullImageOrLocal } from './image-pull.js';
import { CONTAINER_LOG_PATH_LABEL, ownerFilters, SANDBOX_ID_LABEL } from './labels.js';
import { withRandomSuffix } from './naming.js';
import { formatResolvConf, sandboxCreateOptions } from './sandbox-spec.js';

/** kuberuntime's minimumGracePeriodInSeconds. */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;
/** dockershim's defaultSandboxGracePeriod. */
export const SANDBOX_GRACE_PERIOD_SECONDS = 10;

export interface DockerRuntimeOptions {
  docker?: Dockerode;
  clusterName: string;
  nodeName: string;
  /** The cluster's pod network; name defaults to kubelab-<cluster>, subnet is chosen when absent. */
  network: { name?: string; subnet?: string };
  /** RuntimeSandbox.ip of hostNetwork pods. */
  nodeIP?: string;
  logger: Logger;
  clock: Clock;
  nodeRoot: NodeRoot;
  pauseImage?: string;
  /** Build the pause image when missing (default true). */
  buildPauseImage?: boolean;
  /** Defaults to a manager following Docker's log streams. */
  logs?: LogWriterManager;
}

export class DockerRuntime implements ContainerRuntime {
  readonly docker: Dockerode;
  readonly logs: LogWriterManager;
  readonly networkName: string;
  private readonly inspector: ContainerInspector;
  private readonly logger: Logger;
  private readonly pauseImage: string;
  private network: Promise<ClusterNetwork> | undefined;
  private pauseReady: Promise<unknown> | undefined;
  private readonly logPaths = new Map<string, string>();

  constructor(private readonly opts: DockerRuntimeOptions) {
    this.docker = opts.docker ?? new Dockerode();
    this.logger = opts.logger;
    this.networkName = opts.network.name ?? clusterNetworkName(opts.clusterName);
    this.pauseImage = opts.pauseImage ?? PAUSE_IMAGE;
    this.inspector = new ContainerInspector(this.docker);
    this.logs = opts.logs ?? new LogWriterManager({ source: new DockerLogSource(this.docker), logger: opts.logger });
  }

  async version(): Promise<string> {
    return `docker://${(await this.docker.version()).Version}`;
  }

  /** The cluster network, created if missing (also done by the first runSandbox). */
  ensureNetwork(): Promise<ClusterNetwork> {
    this.network ??= ensureClusterNetwork(this.docker, {
      name: this.networkName,
      clusterName: this.opts.clusterName,
      subnet: this.opts.network.subnet,
    }).catch((err: unknown) => {
      this.network = undefined;
      throw err;
    });
    return this.network;
  }

  async listSandboxes(): Promise<RuntimeSandbox[]> {
    const list = await this.docker.listContainers({ all: true, filters: { label: ownerFilters(this.opts, 'podsandbox') } });
    const ctx = { networkName: this.networkName, nodeIP: this.opts.nodeIP ?? '' };
    return list.flatMap((info) => toRuntimeSandbox(info, ctx) ?? []).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Also (re)starts log following for started containers: after a kubelet restart the first list resumes it. */
  async listContainers(): Promise<RuntimeContainer[]> {
    const list = await this.docker.listContainers({ all: true, filters: { label: ownerFilters(this.opts, 'container') } });
    const containers = await this.inspector.convert(list);
    for (const c of containers) {
      const started = c.state === 'running' || (c.state === 'exited' && c.reason !== 'ContainerCannotRun');
      if (started && c.logPath) {
        this.logs.follow(c.id, c.logPath);
      }
    }
    return containers;
  }

  async runSandbox(config: SandboxConfig): Promise<RuntimeSandbox> {
    if (!config.hostNetwork) await this.ensureNetwork();
    await this.ensurePause();
    await mkdir(config.logDirectory, { recursive: true });
    const id = await this.create(sandboxCreateOptions(config, { ...this.opts, networkName: this.networkName, pauseImage: this.pauseImage }));
    try {
      await this.docker.getContainer(id).start();
    } catch (err) {
      throw new Error(`failed to start sandbox container for pod "${config.pod.name}": ${daemonMessage(err)}`, { cause: err });
    }
    if (config.dns) await this.writeResolvConf(id, formatResolvConf(config.dns));
    const [info] = await this.docker.listContainers({ all: true, filters: { id: [id] } });
    const sandbox = info && toRuntimeSandbox(info, { networkName: this.networkName, nodeIP: this.opts.nodeIP ?? '' });
    if (!sandbox) throw new Error(`sandbox container ${id} vanished after start`);
    this.logger.debug('Started pod sandbox', { pod: `${config.pod.namespace}/${config.pod.name}`, sandboxID: id, ip: sandbox.ip });
    return sandbox;
  }

  async stopSandbox(id: string): Promise<void> {
    await this.stop(id, SANDBOX_GRACE_PERIOD_SECONDS);
  }

  /** Removes the sandbox and every container in it (dockershim RemovePodSandbox). */
  async removeSandbox(id: string): Promise<void> {
    const members = await this.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_ID_LABEL}=${id}`] } });
    for (const m of members) await this.removeContainer(m.Id);
    await this.remove(id);
  }

  async imageExists(image: string): Promise<boolean> {
    try {
      await this.docker.getImage(image).inspect();
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  pullImage(image: string): Promise<string> {
    return pullImageOrLocal(this.docker, image);
  }

  async createContainer(sandbox: RuntimeSandbox, config: ContainerConfig): Promise<string> {
    if (config.logPath) await mkdir(dirname(config.logPath), { recursive: true });
    const id = await this.create(containerCreateOptions(sandbox, config, this.opts));
    if (config.logPath) this.logPaths.set(id, config.logPath);
    return id;
  }

  /** Rejects with Docker's message when the start fails (the container then shows ContainerCannotRun). */
  async startContainer(id: string): Promise<void> {
    this.inspector.invalidate(id);
    try {
      await this.docker.getContainer(id).start();
    } catch (err) {
      throw new Error(daemonMessage(err), { cause: err });
    }
    const logPath = this.logPaths.get(id) ?? (await this.docker.getContainer(id).inspect()).Config.Labels?.[CONTAINER_LOG_PATH_LABEL];
    if (logPath) this.logs.follow(id, logPath);
  }

  async stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    await this.stop(id, Math.max(MINIMUM_GRACE_PERIOD_SECONDS, Math.ceil(timeoutSeconds)));
  }

  /** Removes the container; its log file stays (the follower of an exited container is drained first). */
  async removeContainer(id: string): Promise<void> {
    if (this.logs.isFollowing(id) && !(await this.isRunning(id))) await this.logs.wait(id);
    await this.remove(id);
    await this.logs.wait(id, 2000);
    this.logs.forget(id);
    this.logPaths.delete(id);
  }

  exec(containerId: string, opts: ExecOptions): Promise<ExecSession> {
    return startExec(this.docker, containerId, opts);
  }

  execSync(containerId: string, command: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    return execSync(this.docker, containerId, command, timeoutMs);
  }

  attach(containerId: string, opts: Omit<ExecOptions, 'command'>, signal?: AbortSignal): Promise<ExecSession> {
    return startAttach(this.docker, containerId, opts, signal);
  }

  /** Stops following logs (kubelet shutdown); containers keep running. */
  async close(): Promise<void> {
    await this.logs.close();
  }

  private ensurePause(): Promise<unknown> {
    if (this.opts.buildPauseImage === false) return Promise.resolve();
    this.pauseReady ??= this.imageExists(this.pauseImage)
      .then((exists) => (exists ? undefined : ensurePauseImage(this.docker, { tag: this.pauseImage, logger: this.logger })))
      .catch((err: unknown) => {
        this.pauseReady = undefined;
        throw err;
      });
    return this.pauseReady;
  }

  private async create(options: Dockerode.ContainerCreateOptions): Promise<string> {
    try {
      return (await this.docker.createContainer(options)).id;
    } catch (err) {
      if (!isConflict(err) || !options.name) throw err;
      // Name taken (a leftover the kubelet does not know yet): dockershim adds a random suffix.
      this.logger.warn('Container name conflict, adding a random suffix', { name: options.name });
      return (await this.docker.createContainer({ ...options, name: withRandomSuffix(options.name) })).id;
    }
  }

  private async isRunning(id: string): Promise<boolean> {
    try {
      return (await this.docker.getContainer(id).inspect()).State.Running;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  private async stop(id: string, seconds: number): Promise<void> {
    this.inspector.invalidate(id);
    try {
      await this.docker.getContainer(id).stop({ t: seconds });
    } catch (err) {
      if (!isNotFound(err) && !isNotModified(err)) throw err;
    }
  }

  private async remove(id: string): Promise<void> {
    this.inspector.invalidate(id);
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (err) {
      if (isNotFound(err)) return;
      // Removal already in progress counts as done.
      if (isConflict(err) && /already in progress/.test(daemonMessage(err))) return;
      throw err;
    }
  }

  private async writeResolvConf(id: string, content: string): Promise<void> {
    const path = (await this.docker.getContainer(id).inspect()).ResolvConfPath;
    try {
      await writeFile(path, content);
    } catch (err) {
      this.logger.warn('Failed to write the pod resolv.conf', { sandboxID: id, path, err: String(err) });
    }
  }
}
