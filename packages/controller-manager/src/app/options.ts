/**
 * kube-controller-manager's own flags (on top of the component base's), with upstream names and
 * defaults. The flags kubeadm's manifest passes are all accepted, including those of controllers
 * kubelab does not run (certificate signing, node IPAM, service account tokens).
 */
import type { FlagSpec, FlagValues } from '@kubelab/api';
import type { NodeLifecycleOptions } from '../controllers/nodelifecycle/node-lifecycle-controller.js';
import { validateControllers } from './controller-names.js';

export const KCM_FLAGS: FlagSpec[] = [
  {
    name: 'controllers',
    type: 'stringSlice',
    default: ['*'],
    usage:
      "A list of controllers to enable. '*' enables all on-by-default controllers, 'foo' enables the controller named 'foo', '-foo' disables the controller named 'foo'.",
  },
  {
    name: 'node-monitor-period',
    type: 'duration',
    default: 5_000,
    usage: 'The period for syncing NodeStatus in cloud-node-lifecycle-controller.',
  },
  {
    name: 'node-monitor-grace-period',
    type: 'duration',
    default: 50_000,
    usage:
      "Amount of time which we allow running Node to be unresponsive before marking it unhealthy. Must be N times more than kubelet's nodeStatusUpdateFrequency, where N means number of retries allowed for kubelet to post node status. This value should also be greater than the sum of HTTP2_PING_TIMEOUT_SECONDS and HTTP2_READ_IDLE_TIMEOUT_SECONDS",
  },
  {
    name: 'node-startup-grace-period',
    type: 'duration',
    default: 60_000,
    usage:
      'Amount of time which we allow starting Node to be unresponsive before marking it unhealthy.',
  },
  {
    name: 'node-eviction-rate',
    type: 'string',
    default: '0.1',
    usage:
      'Number of nodes per second on which pods are deleted in case of node failure when a zone is healthy (see --unhealthy-zone-threshold for definition of healthy/unhealthy). Zone refers to entire cluster in non-multizone clusters.',
  },
  {
    name: 'secondary-node-eviction-rate',
    type: 'string',
    default: '0.01',
    usage:
      'Number of nodes per second on which pods are deleted in case of node failure when a zone is unhealthy (see --unhealthy-zone-threshold for definition of healthy/unhealthy). Zone refers to entire cluster in non-multizone clusters. This value is implicitly overridden to 0 if the cluster size is smaller than --large-cluster-size-threshold.',
  },
  {
    name: 'large-cluster-size-threshold',
    type: 'int',
    default: 50,
    usage:
      'Number of nodes from which node-lifecycle-controller treats the cluster as large for the eviction logic purposes. --secondary-node-eviction-rate is implicitly overridden to 0 for clusters this size or smaller. Notice: If nodes reside in multiple zones, this threshold will be considered as zone node size threshold for each zone to determine node eviction rate independently.',
  },
  {
    name: 'unhealthy-zone-threshold',
    type: 'string',
    default: '0.55',
    usage:
      'Fraction of Nodes in a zone which needs to be not Ready (minimum 3) for zone to be treated as unhealthy. ',
  },
  {
    name: 'concurrent-deployment-syncs',
    type: 'int',
    default: 5,
    usage:
      'The number of deployment objects that are allowed to sync concurrently. Larger number = more responsive deployments, but more CPU (and network) load',
  },
  {
    name: 'concurrent-replicaset-syncs',
    type: 'int',
    default: 5,
    usage:
      'The number of replica sets that are allowed to sync concurrently. Larger number = more responsive replica management, but more CPU (and network) load',
  },
  {
    name: 'concurrent-daemonset-syncs',
    type: 'int',
    default: 2,
    usage:
      'The number of daemonset objects that are allowed to sync concurrently. Larger number = more responsive daemonset, but more CPU (and network) load',
  },
  {
    name: 'concurrent-job-syncs',
    type: 'int',
    default: 5,
    usage:
      'The number of job objects that are allowed to sync concurrently. Larger number = more responsive jobs, but more CPU (and network) load',
  },
  {
    name: 'concurrent-cron-job-syncs',
    type: 'int',
    default: 5,
    usage:
      'The number of cron job objects that are allowed to sync concurrently. Larger number = more responsive jobs, but more CPU (and network) load',
  },
  {
    name: 'concurrent-namespace-syncs',
    type: 'int',
    default: 10,
    usage:
      'The number of namespace objects that are allowed to sync concurrently. Larger number = more responsive namespace termination, but more CPU (and network) load',
  },
  {
    name: 'concurrent-gc-syncs',
    type: 'int',
    default: 20,
    usage: 'The number of garbage collector workers that are allowed to sync concurrently.',
  },
  {
    name: 'max-endpoints-per-slice',
    type: 'int',
    default: 100,
    usage:
      'The maximum number of endpoints that will be added to an EndpointSlice. More endpoints per slice will result in less endpoint slices, but larger resources. Defaults to 100.',
  },
  {
    name: 'enable-garbage-collector',
    type: 'bool',
    default: true,
    usage:
      'Enables the generic garbage collector. MUST be synced with the corresponding flag of the kube-apiserver.',
  },
  {
    name: 'min-resync-period',
    type: 'duration',
    default: 43_200_000,
    usage:
      'The resync period in reflectors will be random between MinResyncPeriod and 2*MinResyncPeriod.',
  },
  {
    name: 'cluster-name',
    type: 'string',
    default: 'kubernetes',
    usage: 'The instance prefix for the cluster.',
  },
  {
    name: 'cluster-cidr',
    type: 'string',
    default: '',
    usage:
      'CIDR Range for Pods in cluster. Only used when --allocate-node-cidrs=true; if false, this option will be ignored.',
  },
  {
    name: 'allocate-node-cidrs',
    type: 'bool',
    default: false,
    usage: 'Should CIDRs for Pods be allocated and set on the cloud provider.',
  },
  {
    name: 'node-cidr-mask-size',
    type: 'int',
    default: 0,
    usage: 'Mask size for node cidr in cluster. Default is 24 for IPv4 and 64 for IPv6.',
  },
  {
    name: 'service-cluster-ip-range',
    type: 'string',
    default: '',
    usage:
      'CIDR Range for Services in cluster. Only used when --allocate-node-cidrs=true; if false, this option will be ignored.',
  },
  {
    name: 'use-service-account-credentials',
    type: 'bool',
    default: false,
    usage: 'If true, use individual service account credentials for each controller.',
  },
  {
    name: 'root-ca-file',
    type: 'string',
    default: '',
    usage:
      "If set, this root certificate authority will be included in service account's token secret. This must be a valid PEM-encoded CA bundle.",
  },
  {
    name: 'service-account-private-key-file',
    type: 'string',
    default: '',
    usage:
      'Filename containing a PEM-encoded private RSA or ECDSA key used to sign service account tokens.',
  },
  {
    name: 'cluster-signing-cert-file',
    type: 'string',
    default: '',
    usage:
      'Filename containing a PEM-encoded X509 CA certificate used to issue cluster-scoped certificates.',
  },
  {
    name: 'cluster-signing-key-file',
    type: 'string',
    default: '',
    usage:
      'Filename containing a PEM-encoded RSA or ECDSA private key used to sign cluster-scoped certificates.',
  },
  {
    name: 'cloud-provider',
    type: 'string',
    default: '',
    usage: 'The provider for cloud services. Empty string for no provider.',
  },
  {
    name: 'feature-gates',
    type: 'string',
    default: '',
    usage: 'A set of key=value pairs that describe feature gates for alpha/experimental features.',
  },
];

export interface KubeControllerManagerOptions {
  controllers: string[];
  nodeLifecycle: NodeLifecycleOptions;
  workers: {
    deployment: number;
    replicaset: number;
    daemonset: number;
    namespace: number;
    gc: number;
    job: number;
    cronJob: number;
  };
  /** --max-endpoints-per-slice. */
  maxEndpointsPerSlice: number;
  enableGarbageCollector: boolean;
  /** --root-ca-file: the CA the root-ca-cert-publisher puts into every namespace ('' = none). */
  rootCaFile: string;
}

const num = (v: FlagValues[string]): number => (typeof v === 'number' ? v : Number(v));

function float(flags: FlagValues, name: string, errs: string[]): number {
  const raw = String(flags[name] ?? '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) {
    errs.push(
      `invalid argument "${raw}" for "--${name}" flag: strconv.ParseFloat: parsing "${raw}": invalid syntax`,
    );
    return 0;
  }
  return Number(raw);
}

export function validateKcmFlags(flags: FlagValues): string[] {
  const errs = validateControllers(Array.isArray(flags['controllers']) ? flags['controllers'] : []);
  for (const f of [
    'node-eviction-rate',
    'secondary-node-eviction-rate',
    'unhealthy-zone-threshold',
  ])
    float(flags, f, errs);
  const perSlice = num(flags['max-endpoints-per-slice'] ?? 100);
  if (perSlice < 1)
    errs.push(`max-endpoints-per-slice must not be less than 1, but got ${perSlice}`);
  if (perSlice > 1000)
    errs.push(`max-endpoints-per-slice must not be more than 1000, but got ${perSlice}`);
  return errs;
}

export function kcmOptionsFromFlags(flags: FlagValues): KubeControllerManagerOptions {
  const ignore: string[] = [];
  return {
    controllers: Array.isArray(flags['controllers']) ? flags['controllers'] : ['*'],
    nodeLifecycle: {
      nodeMonitorPeriodMs: num(flags['node-monitor-period']),
      nodeMonitorGracePeriodMs: num(flags['node-monitor-grace-period']),
      nodeStartupGracePeriodMs: num(flags['node-startup-grace-period']),
      evictionQps: float(flags, 'node-eviction-rate', ignore),
      secondaryEvictionQps: float(flags, 'secondary-node-eviction-rate', ignore),
      largeClusterThreshold: num(flags['large-cluster-size-threshold']),
      unhealthyZoneThreshold: float(flags, 'unhealthy-zone-threshold', ignore),
    },
    workers: {
      deployment: num(flags['concurrent-deployment-syncs']),
      replicaset: num(flags['concurrent-replicaset-syncs']),
      daemonset: num(flags['concurrent-daemonset-syncs']),
      namespace: num(flags['concurrent-namespace-syncs']),
      gc: num(flags['concurrent-gc-syncs']),
      job: num(flags['concurrent-job-syncs'] ?? 5),
      cronJob: num(flags['concurrent-cron-job-syncs'] ?? 5),
    },
    maxEndpointsPerSlice: num(flags['max-endpoints-per-slice'] ?? 100),
    enableGarbageCollector: flags['enable-garbage-collector'] !== false,
    rootCaFile: typeof flags['root-ca-file'] === 'string' ? flags['root-ca-file'] : '',
  };
}
