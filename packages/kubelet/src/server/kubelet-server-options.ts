/**
 * What the kubelet core gives the kubelet HTTP server: where to listen (KubeletConfiguration
 * address/port, healthzBindAddress/healthzPort), the serving certificate, how to authenticate
 * and authorize callers (authentication.x509.clientCAFile, webhook token review, anonymous; the
 * Webhook/AlwaysAllow authorization mode), and callbacks into the pods it runs (logs, exec,
 * attach, port-forward).
 */
import type { Clock, Logger, Pod } from '@kubelab/api';
import type { ReadCriLogOptions } from '../logs/index.js';
import type { ExecSession } from '../runtime/container-runtime.js';
import type { PortForwarder } from '../streaming/index.js';

/** An authenticated caller (user.Info). */
export interface KubeletUser {
  name: string;
  groups: string[];
}

/** authorizer.Attributes for a kubelet API request: always a node (sub)resource. */
export interface KubeletRequestAttributes {
  user: KubeletUser;
  /** get, create, update, patch, delete (from the HTTP method). */
  verb: string;
  resource: 'nodes';
  /** proxy, pods, log, stats, metrics, healthz, configz, checkpoint. */
  subresource: string;
  /** The node name. */
  name: string;
  path: string;
}

/** The pod a /portForward request names. */
export interface PodStreamRef {
  namespace: string;
  pod: string;
  /** Only when the URL names it (/portForward/<ns>/<pod>/<uid>). */
  podUid?: string;
}

export interface ContainerRef {
  namespace: string;
  pod: string;
  container: string;
  /** Only when the URL names it (/exec/<ns>/<pod>/<uid>/<container>). */
  podUid?: string;
}

/** Where a container's log is and whether to keep following it. */
export interface ContainerLogTarget {
  /** Host path of the CRI log file of the chosen instance. */
  logPath: string;
  /** follow=true only follows a running container (a terminated one is read to the end). */
  running: boolean;
  /** While following: is the container still writing? Absent: until the client goes away. */
  isActive?: () => boolean | Promise<boolean>;
}

export interface ExecStreamOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export interface HealthCheck {
  name: string;
  /** undefined when healthy, else the reason (only logged; the response says "reason withheld"). */
  check: () => string | undefined;
}

export type LogReader = (path: string, opts: ReadCriLogOptions) => AsyncIterable<Buffer>;

export interface KubeletServerOptions {
  nodeName: string;
  /** KubeletConfiguration.address / port (upstream 0.0.0.0:10250). */
  address: string;
  port: number;
  /** KubeletConfiguration.healthzBindAddress / healthzPort (127.0.0.1:10248); port 0 disables. */
  healthzBindAddress: string;
  healthzPort: number;
  tls: { certPem: string; keyPem: string };
  /** Contents of authentication.x509.clientCAFile: client certificates it signed authenticate as CN/O. */
  clientCaPem?: string;
  /** authentication.anonymous.enabled: unauthenticated requests run as system:anonymous. */
  anonymousAuth?: boolean;
  /** authentication.webhook: the core asks the API server (TokenReview). Absent: bearer tokens are refused. */
  authenticateToken?: (token: string) => Promise<KubeletUser | undefined>;
  /** authorization mode Webhook (SubjectAccessReview); absent: AlwaysAllow. */
  authorize?: (attrs: KubeletRequestAttributes) => Promise<boolean>;
  /** The pods this kubelet runs, for /pods. */
  getPods: () => Pod[];
  /**
   * The log file for /containerLogs: a target, a message for a 400 (upstream's
   * validateContainerLogStatus texts), or throw an ApiError for another code (404 pod/container).
   */
  resolveContainerLog: (ref: ContainerRef, previous: boolean) => Promise<ContainerLogTarget | string> | ContainerLogTarget | string;
  /** Defaults to readCriLog from ../logs. */
  readLog?: LogReader;
  /** Starts a command in a container; throw an ApiError for 404s (pod/container), any Error for a 500. */
  exec: (ref: ContainerRef, command: string[], opts: ExecStreamOptions) => Promise<ExecSession>;
  /**
   * Attaches to the container's main process; absent: /attach answers 404. The signal aborts
   * when the client is gone (detach then).
   */
  attach?: (ref: ContainerRef, opts: ExecStreamOptions, signal: AbortSignal) => Promise<ExecSession>;
  /**
   * The forwarder to a pod's ports (GetPortForward); throw an ApiError for a pod this kubelet
   * does not run. Absent: /portForward answers 404.
   */
  portForward?: (ref: PodStreamRef) => Promise<PortForwarder> | PortForwarder;
  /** Extra /healthz checks of the main port (upstream: syncloop). */
  healthChecks?: HealthCheck[];
  logger?: Logger;
  clock?: Clock;
}
