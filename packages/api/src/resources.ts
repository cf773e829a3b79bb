/**
 * The resource table: every resource kubelab serves, with upstream group, version, kind,
 * plural, short names, scope, verbs and subresources. Discovery, OpenAPI, the router and the
 * REST client are all built from this one table.
 */
export type Verb =
  | 'create'
  | 'delete'
  | 'deletecollection'
  | 'get'
  | 'list'
  | 'patch'
  | 'update'
  | 'watch';

export interface SubresourceInfo {
  name: string;
  /** The kind answered, when it differs from the parent's (Scale, Eviction, Binding ...). */
  kind: string;
  group?: string;
  version?: string;
  verbs: Verb[];
}

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: Verb[];
  subresources: SubresourceInfo[];
}

const ALL_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS = (kind: string): SubresourceInfo => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });

function r(
  group: string,
  version: string,
  kind: string,
  plural: string,
  opts: Partial<Omit<ResourceInfo, 'group' | 'version' | 'kind' | 'plural'>> = {},
): ResourceInfo {
  return {
    group,
    version,
    kind,
    plural,
    listKind: `${kind}List`,
    singular: kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    subresources: [],
    ...opts,
  };
}

export const RESOURCES: readonly ResourceInfo[] = [
  r('', 'v1', 'Binding', 'bindings', { verbs: ['create'] }),
  r('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  r('', 'v1', 'Endpoints', 'endpoints', { shortNames: ['ep'], singular: 'endpoints' }),
  r('', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  r('', 'v1', 'Namespace', 'namespaces', {
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [
      { name: 'finalize', kind: 'Namespace', verbs: ['update'] },
      STATUS('Namespace'),
    ],
  }),
  r('', 'v1', 'Node', 'nodes', {
    namespaced: false,
    shortNames: ['no'],
    subresources: [STATUS('Node')],
  }),
  r('', 'v1', 'Pod', 'pods', {
    shortNames: ['po'],
    categories: ['all'],
    subresources: [
      { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'binding', kind: 'Binding', verbs: ['create'] },
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      STATUS('Pod'),
    ],
  }),
  r('', 'v1', 'Secret', 'secrets'),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', { shortNames: ['sa'] }),
  r('', 'v1', 'Service', 'services', {
    shortNames: ['svc'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [STATUS('Service')],
  }),
  r('apps', 'v1', 'ControllerRevision', 'controllerrevisions'),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', {
    shortNames: ['ds'],
    categories: ['all'],
    subresources: [STATUS('DaemonSet')],
  }),
  r('apps', 'v1', 'Deployment', 'deployments', {
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: [
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      STATUS('Deployment'),
    ],
  }),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', {
    shortNames: ['rs'],
    categories: ['all'],
    subresources: [
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      STATUS('ReplicaSet'),
    ],
  }),
  r('authentication.k8s.io', 'v1', 'SelfSubjectReview', 'selfsubjectreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  r('authentication.k8s.io', 'v1', 'TokenReview', 'tokenreviews', { namespaced: false, verbs: ['create'] }),
  r('authorization.k8s.io', 'v1', 'LocalSubjectAccessReview', 'localsubjectaccessreviews', { verbs: ['create'] }),
  r('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  r('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  r('authorization.k8s.io', 'v1', 'SubjectAccessReview', 'subjectaccessreviews', { namespaced: false, verbs: ['create'] }),
  r('batch', 'v1', 'CronJob', 'cronjobs', {
    shortNames: ['cj'],
    categories: ['all'],
    subresources: [STATUS('CronJob')],
  }),
  r('batch', 'v1', 'Job', 'jobs', { categories: ['all'], subresources: [STATUS('Job')] }),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases'),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices'),
];

/** API groups in the preference order discovery lists them ("" is the core group). */
export const GROUP_ORDER: readonly string[] = [
  '',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'batch',
  'coordination.k8s.io',
  'discovery.k8s.io',
];

export function groupVersion(info: { group: string; version: string }): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

const byKey = new Map<string, ResourceInfo>();
const byKind = new Map<string, ResourceInfo>();
for (const info of RESOURCES) {
  byKey.set(`${info.group}/${info.version}/${info.plural}`, info);
  byKind.set(`${groupVersion(info)}/${info.kind}`, info);
}

export function findResource(group: string, version: string, plural: string): ResourceInfo | undefined {
  return byKey.get(`${group}/${version}/${plural}`);
}

/** By apiVersion (`v1`, `apps/v1`) and kind. */
export function findResourceByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return byKind.get(`${apiVersion}/${kind}`);
}

/** The URL path of a collection or object: /api/v1/namespaces/ns/pods[/name[/sub]]. */
export function resourcePath(
  info: ResourceInfo,
  opts: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  let p = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  if (info.namespaced && opts.namespace) p += `/namespaces/${encodeURIComponent(opts.namespace)}`;
  p += `/${info.plural}`;
  if (opts.name !== undefined) p += `/${encodeURIComponent(opts.name)}`;
  if (opts.subresource) p += `/${opts.subresource}`;
  return p;
}

/** The etcd-style registry key root: /registry/pods, /registry/deployments. */
export function registryPrefix(info: ResourceInfo): string {
  // Upstream stores some resources under other names (services/specs, minions); kubelab keeps
  // one plain layout: /registry/<plural>[/<namespace>]/<name>.
  return info.group && !['apps', 'batch'].includes(info.group)
    ? `/registry/${info.group}/${info.plural}`
    : `/registry/${info.plural}`;
}
