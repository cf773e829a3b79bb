/**
 * List merge metadata. Upstream takes it from Go struct tags (`patchStrategy`, `patchMergeKey`,
 * `+listType`, `+listMapKey`), which kubernetes-types does not carry, so it cannot be derived
 * from the declarations. This table restates the tags of the lists that strategic merge patch
 * and server-side apply treat specially in the types kubelab serves (k8s.io/api v1.30).
 * Lists not named here are atomic for strategic merge patch (replaced whole).
 */
import type { OpenApiSchema } from '../../src/schema/openapi-schema.js';

type ListMetadata = Pick<
  OpenApiSchema,
  | 'x-kubernetes-patch-merge-key'
  | 'x-kubernetes-patch-strategy'
  | 'x-kubernetes-list-type'
  | 'x-kubernetes-list-map-keys'
>;

function merge(key: string, extra: ListMetadata = {}): ListMetadata {
  return { 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-patch-strategy': 'merge', ...extra };
}

function mapList(...keys: string[]): ListMetadata {
  return { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': keys };
}

const CORE = 'io.k8s.api.core.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const conditions = merge('type');

const containerLists: Record<string, ListMetadata> = {
  env: merge('name'),
  ports: merge('containerPort', mapList('containerPort', 'protocol')),
  resizePolicy: { 'x-kubernetes-list-type': 'atomic' },
  volumeDevices: merge('devicePath'),
  volumeMounts: merge('mountPath'),
};

/** By upstream type name, then property name. */
export const LIST_METADATA: Readonly<Record<string, Readonly<Record<string, ListMetadata>>>> = {
  [`${CORE}.PodSpec`]: {
    containers: merge('name', mapList('name')),
    ephemeralContainers: merge('name', mapList('name')),
    hostAliases: merge('ip'),
    imagePullSecrets: merge('name'),
    initContainers: merge('name', mapList('name')),
    readinessGates: { 'x-kubernetes-list-type': 'atomic' },
    resourceClaims: merge('name', {
      'x-kubernetes-patch-strategy': 'merge,retainKeys',
      ...mapList('name'),
    }),
    schedulingGates: merge('name', mapList('name')),
    topologySpreadConstraints: merge('topologyKey', mapList('topologyKey', 'whenUnsatisfiable')),
    volumes: merge('name', { 'x-kubernetes-patch-strategy': 'merge,retainKeys' }),
  },
  [`${CORE}.Container`]: containerLists,
  [`${CORE}.EphemeralContainer`]: containerLists,
  [`${CORE}.PodStatus`]: { conditions, podIPs: merge('ip') },
  [`${CORE}.NodeSpec`]: {
    podCIDRs: { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' },
  },
  [`${CORE}.NodeStatus`]: { addresses: merge('type'), conditions },
  [`${CORE}.NamespaceStatus`]: { conditions },
  [`${CORE}.ServiceSpec`]: {
    clusterIPs: { 'x-kubernetes-list-type': 'atomic' },
    ipFamilies: { 'x-kubernetes-list-type': 'atomic' },
    ports: merge('port', mapList('port', 'protocol')),
  },
  [`${CORE}.ServiceStatus`]: { conditions: merge('type', mapList('type')) },
  [`${CORE}.ServiceAccount`]: { secrets: merge('name') },
  [`${META}.ObjectMeta`]: {
    finalizers: { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' },
    ownerReferences: merge('uid', mapList('uid')),
  },
  [`${META}.LabelSelector`]: { matchExpressions: { 'x-kubernetes-list-type': 'atomic' } },
  'io.k8s.api.apps.v1.DeploymentStatus': { conditions },
  'io.k8s.api.apps.v1.ReplicaSetStatus': { conditions },
  'io.k8s.api.apps.v1.DaemonSetStatus': { conditions },
  'io.k8s.api.batch.v1.JobStatus': {
    conditions: merge('type', { 'x-kubernetes-list-type': 'atomic' }),
  },
  'io.k8s.api.discovery.v1.EndpointSlice': {
    endpoints: { 'x-kubernetes-list-type': 'atomic' },
    ports: { 'x-kubernetes-list-type': 'atomic' },
  },
  'io.k8s.api.discovery.v1.Endpoint': { addresses: { 'x-kubernetes-list-type': 'set' } },
  'io.k8s.api.discovery.v1.EndpointHints': { forZones: { 'x-kubernetes-list-type': 'atomic' } },
  'io.k8s.api.batch.v1.CronJobStatus': { active: { 'x-kubernetes-list-type': 'atomic' } },
};

export function listMetadata(typeName: string, property: string): ListMetadata | undefined {
  return LIST_METADATA[typeName]?.[property];
}
