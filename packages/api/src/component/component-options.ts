/**
 * The flags kube-scheduler and kube-controller-manager share (generic, leader election,
 * secure serving, delegated authn/authz, logging), with upstream names and defaults, and the
 * options object they parse into.
 */
import {
  DEFAULT_LEASE_DURATION_MS,
  DEFAULT_RENEW_DEADLINE_MS,
  DEFAULT_RETRY_PERIOD_MS,
} from '../leaderelection/leader-elector.js';
import type { FlagSpec, FlagValues } from '../flags/flag-set.js';

export interface ComponentDefaults {
  /** 10259 for kube-scheduler, 10257 for kube-controller-manager. */
  securePort: number;
  /** The Lease name: kube-scheduler, kube-controller-manager. */
  leaseName: string;
}

export interface ComponentOptions {
  kubeconfig: string;
  master: string;
  leaderElect: boolean;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  leaseName: string;
  leaseNamespace: string;
  bindAddress: string;
  /** 0 turns secure serving off. */
  securePort: number;
  tlsCertFile: string;
  tlsPrivateKeyFile: string;
  authenticationKubeconfig: string;
  authorizationKubeconfig: string;
  alwaysAllowPaths: string[];
  verbosity: number;
  logFile: string;
}

export function componentFlagSpecs(d: ComponentDefaults): FlagSpec[] {
  return [
    { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to kubeconfig file with authorization and master location information.' },
    { name: 'master', type: 'string', default: '', usage: 'The address of the Kubernetes API server (overrides any value in kubeconfig)' },
    { name: 'leader-elect', type: 'bool', default: true, usage: 'Start a leader election client and gain leadership before executing the main loop. Enable this when running replicated components for high availability.' },
    { name: 'leader-elect-lease-duration', type: 'duration', default: DEFAULT_LEASE_DURATION_MS, usage: 'The duration that non-leader candidates will wait after observing a leadership renewal until attempting to acquire leadership of a led but unrenewed leader slot.' },
    { name: 'leader-elect-renew-deadline', type: 'duration', default: DEFAULT_RENEW_DEADLINE_MS, usage: 'The interval between attempts by the acting master to renew a leadership slot before it stops leading. This must be less than the lease duration.' },
    { name: 'leader-elect-retry-period', type: 'duration', default: DEFAULT_RETRY_PERIOD_MS, usage: 'The duration the clients should wait between attempting acquisition and renewal of a leadership.' },
    { name: 'leader-elect-resource-lock', type: 'string', default: 'leases', usage: "The type of resource object that is used for locking during leader election. Supported options are 'leases'." },
    { name: 'leader-elect-resource-name', type: 'string', default: d.leaseName, usage: 'The name of resource object that is used for locking during leader election.' },
    { name: 'leader-elect-resource-namespace', type: 'string', default: 'kube-system', usage: 'The namespace of resource object that is used for locking during leader election.' },
    { name: 'bind-address', type: 'string', default: '0.0.0.0', usage: 'The IP address on which to listen for the --secure-port port.' },
    { name: 'secure-port', type: 'int', default: d.securePort, usage: 'The port on which to serve HTTPS with authentication and authorization. If 0, don\'t serve HTTPS at all.' },
    { name: 'tls-cert-file', type: 'string', default: '', usage: 'File containing the default x509 Certificate for HTTPS.' },
    { name: 'tls-private-key-file', type: 'string', default: '', usage: 'File containing the default x509 private key matching --tls-cert-file.' },
    { name: 'authentication-kubeconfig', type: 'string', default: '', usage: "kubeconfig file pointing at the 'core' kubernetes server with enough rights to create tokenreviews.authentication.k8s.io. This is optional." },
    { name: 'authorization-kubeconfig', type: 'string', default: '', usage: "kubeconfig file pointing at the 'core' kubernetes server with enough rights to create subjectaccessreviews.authorization.k8s.io. This is optional." },
    { name: 'authorization-always-allow-paths', type: 'stringSlice', default: ['/healthz', '/readyz', '/livez'], usage: 'A list of HTTP paths to skip during authorization, i.e. these are authorized without contacting the \'core\' kubernetes server.' },
    { name: 'client-ca-file', type: 'string', default: '', usage: 'If set, any request presenting a client certificate signed by one of the authorities in the client-ca-file is authenticated.' },
    { name: 'requestheader-client-ca-file', type: 'string', default: '', usage: 'Root certificate bundle to use to verify client certificates on incoming requests.' },
    { name: 'profiling', type: 'bool', default: true, usage: 'Enable profiling via web interface host:port/debug/pprof/' },
    { name: 'kube-api-qps', type: 'int', default: 50, usage: 'QPS to use while talking with kubernetes apiserver.' },
    { name: 'kube-api-burst', type: 'int', default: 100, usage: 'Burst to use while talking with kubernetes apiserver.' },
    { name: 'v', short: 'v', type: 'int', default: 0, usage: 'number for the log level verbosity' },
    { name: 'vmodule', type: 'string', default: '', usage: 'comma-separated list of pattern=N settings for file-filtered logging' },
    { name: 'log-file', type: 'string', default: '', usage: 'If non-empty, use this log file' },
    { name: 'help', short: 'h', type: 'bool', default: false, usage: 'help for this command' },
  ];
}

const str = (v: FlagValues[string]): string => (typeof v === 'string' ? v : '');
const num = (v: FlagValues[string]): number => (typeof v === 'number' ? v : 0);

export function componentOptionsFromFlags(values: FlagValues): ComponentOptions {
  return {
    kubeconfig: str(values['kubeconfig']),
    master: str(values['master']),
    leaderElect: values['leader-elect'] === true,
    leaseDurationMs: num(values['leader-elect-lease-duration']),
    renewDeadlineMs: num(values['leader-elect-renew-deadline']),
    retryPeriodMs: num(values['leader-elect-retry-period']),
    leaseName: str(values['leader-elect-resource-name']),
    leaseNamespace: str(values['leader-elect-resource-namespace']),
    bindAddress: str(values['bind-address']),
    securePort: num(values['secure-port']),
    tlsCertFile: str(values['tls-cert-file']),
    tlsPrivateKeyFile: str(values['tls-private-key-file']),
    authenticationKubeconfig: str(values['authentication-kubeconfig']),
    authorizationKubeconfig: str(values['authorization-kubeconfig']),
    alwaysAllowPaths: Array.isArray(values['authorization-always-allow-paths'])
      ? values['authorization-always-allow-paths']
      : [],
    verbosity: num(values['v']),
    logFile: str(values['log-file']),
  };
}

/** Option validation as the components run it before starting; one message per problem. */
export function validateComponentOptions(o: ComponentOptions): string[] {
  const errs: string[] = [];
  if (o.securePort < 0 || o.securePort > 65535) {
    errs.push(`--secure-port ${o.securePort} must be between 0 and 65535, inclusive. 0 for turning off secure port`);
  }
  if ((o.tlsCertFile === '') !== (o.tlsPrivateKeyFile === '')) {
    errs.push('tls-cert-file and tls-private-key-file must both be set or both be empty');
  }
  if (o.leaderElect) {
    if (o.leaseDurationMs <= 0) errs.push(`leaderElection.leaseDuration: Invalid value: "${o.leaseDurationMs / 1000}s": must be greater than zero`);
    if (o.renewDeadlineMs <= 0) errs.push(`leaderElection.renewDeadline: Invalid value: "${o.renewDeadlineMs / 1000}s": must be greater than zero`);
    if (o.retryPeriodMs <= 0) errs.push(`leaderElection.retryPeriod: Invalid value: "${o.retryPeriodMs / 1000}s": must be greater than zero`);
    if (o.leaseDurationMs <= o.renewDeadlineMs) {
      errs.push(`leaderElection.leaseDuration: Invalid value: "${o.leaseDurationMs / 1000}s": LeaseDuration must be greater than RenewDeadline`);
    }
    if (o.leaseName === '') errs.push('leaderElection.resourceName: Invalid value: "": resourceName is required');
    if (o.leaseNamespace === '') errs.push('leaderElection.resourceNamespace: Invalid value: "": resourceNamespace is required');
  }
  return errs;
}
