/**
 * The container runtime seam (pkg/kubelet/container/runtime.go, reduced to what kubelab needs):
 * pod sandboxes and containers, identified by the labels the kubelet puts on them, so a
 * restarted kubelet rebuilds its view from the runtime alone. Docker (dockerode) is one
 * implementation, a scripted fake the other.
 */

export type ContainerState = 'created' | 'running' | 'exited' | 'unknown';

/** The pod a sandbox or container belongs to, from its labels. */
export interface PodRef {
  uid: string;
  name: string;
  namespace: string;
}

export interface RuntimeSandbox {
  id: string;
  pod: PodRef;
  /** Sandbox attempt (the last name field of k8s_POD_...). */
  attempt: number;
  state: 'ready' | 'notready';
  /** The pod IP on the cluster network; the node IP for hostNetwork pods. */
  ip: string;
  hostNetwork: boolean;
  createdAt: number;
}

export interface RuntimeContainer {
  id: string;
  /** The container's name in the pod spec. */
  name: string;
  pod: PodRef;
  sandboxId: string;
  /** restartCount: 0 for the first instance, +1 for each new one. */
  attempt: number;
  /** Hash of the container spec it was created from (kubelab's io.kubernetes.container.hash). */
  hash: string;
  image: string;
  imageId: string;
  state: ContainerState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  /** Terminated reason from the runtime: Completed, Error, OOMKilled, ContainerCannotRun. */
  reason?: string;
  message?: string;
  /** Host path of the CRI-format log file of this instance. */
  logPath: string;
  labels: Record<string, string>;
}

export interface PortMapping {
  containerPort: number;
  hostPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  hostIP?: string;
}

export interface SandboxConfig {
  pod: PodRef;
  attempt: number;
  hostname: string;
  hostNetwork: boolean;
  portMappings: PortMapping[];
  /** The pod's own labels (dockershim also put them on the sandbox). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  dns: { servers: string[]; searches: string[]; options: string[] } | undefined;
  /** Host path of /var/log/pods/<ns>_<pod>_<uid>. */
  logDirectory: string;
}

export interface Mount {
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

export interface ContainerConfig {
  name: string;
  attempt: number;
  hash: string;
  image: string;
  command: string[];
  args: string[];
  workingDir?: string;
  env: { name: string; value: string }[];
  mounts: Mount[];
  tty: boolean;
  stdin: boolean;
  stdinOnce: boolean;
  /** Docker resource limits. */
  resources: { cpuMillis?: number; cpuShares?: number; memoryBytes?: number };
  privileged: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  /** Host path the container's log lines go to (CRI format). */
  logPath: string;
  labels: Record<string, string>;
  stopSignal?: string;
}

export interface ExecOptions {
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** A running exec: streams to wire to the client, resize, and the exit code. */
export interface ExecSession {
  stdin: NodeJS.WritableStream | undefined;
  stdout: NodeJS.ReadableStream | undefined;
  stderr: NodeJS.ReadableStream | undefined;
  resize(width: number, height: number): Promise<void>;
  /** Resolves with the exit code when the process ends. */
  wait(): Promise<number>;
}

export interface ImagePullError extends Error {
  /** ErrImagePull reason text as the kubelet reports it. */
  kind: 'NotFound' | 'Unauthorized' | 'Other';
}

export interface ContainerRuntime {
  /** `docker://27.1.0` for nodeInfo.containerRuntimeVersion. */
  version(): Promise<string>;
  /** Sandboxes and containers of this node (by the node label), in every state. */
  listSandboxes(): Promise<RuntimeSandbox[]>;
  listContainers(): Promise<RuntimeContainer[]>;
  runSandbox(config: SandboxConfig): Promise<RuntimeSandbox>;
  stopSandbox(id: string): Promise<void>;
  removeSandbox(id: string): Promise<void>;
  imageExists(image: string): Promise<boolean>;
  /** Pulls an image; rejects with an ImagePullError. Resolves with the image ID. */
  pullImage(image: string): Promise<string>;
  createContainer(sandbox: RuntimeSandbox, config: ContainerConfig): Promise<string>;
  startContainer(id: string): Promise<void>;
  /** SIGTERM (or the image's stop signal), SIGKILL after timeoutSeconds. */
  stopContainer(id: string, timeoutSeconds: number): Promise<void>;
  removeContainer(id: string): Promise<void>;
  exec(containerId: string, opts: ExecOptions): Promise<ExecSession>;
  /**
   * Attaches to the container's main process (CRI Attach): new output from now on, stdin when
   * the container keeps one open; wait() resolves (with 0) when the process exits or the signal
   * aborts (detach). Whether output is a terminal follows the container, not opts.tty.
   */
  attach(containerId: string, opts: Omit<ExecOptions, 'command'>, signal?: AbortSignal): Promise<ExecSession>;
  /** Runs a command to completion (exec probes): exit code and combined output. */
  execSync(containerId: string, command: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }>;
}
