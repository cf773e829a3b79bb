/**
 * Strategic-merge-patch metadata of the built-in types kubelab serves: the `patchStrategy` and
 * `patchMergeKey` struct tags of k8s.io/api (core/v1, apps/v1, batch/v1), encoded as data.
 * Only fields with tags, and the struct fields leading to them, are listed; every other field
 * behaves as an untagged one upstream: objects merge key by key, lists are replaced whole.
 * Deliberately untagged upstream (so replaced): PodSpec.tolerations, NodeSpec.taints,
 * ServiceAccount.imagePullSecrets, Namespace spec.finalizers, container/pod statuses.
 */
import { hasOwn } from './json-value.js';

export interface FieldPatchMeta {
  /** `merge`: lists merge by `mergeKey` (or as sets of primitives); `replace`: maps are replaced. */
  readonly strategy?: 'merge' | 'replace';
  /** The `retainKeys` strategy; only clients act on it (they send `$retainKeys`). */
  readonly retainKeys?: boolean;
  readonly mergeKey?: string;
  /** Name of the struct type of the field, or of the list's elements, when it has metadata. */
  readonly type?: string;
}

export type StructPatchMeta = Readonly<Record<string, FieldPatchMeta>>;
export type PatchMetaTable = Readonly<Record<string, StructPatchMeta>>;

/** Where in a table a value sits: the struct type name, or undefined for untyped values. */
export interface PatchSchema {
  readonly table: PatchMetaTable;
  readonly type: string | undefined;
}

const merge = (mergeKey?: string, type?: string): FieldPatchMeta => ({
  strategy: 'merge',
  ...(mergeKey ? { mergeKey } : {}),
  ...(type ? { type } : {}),
});
const struct = (type: string): FieldPatchMeta => ({ type });
const conditions = { conditions: merge('type') };
const withMeta = (fields: StructPatchMeta = {}): StructPatchMeta => ({
  metadata: struct('ObjectMeta'),
  ...fields,
});

export const BUILTIN_PATCH_META: PatchMetaTable = {
  ObjectMeta: { ownerReferences: merge('uid'), finalizers: merge() },
  Container: {
    ports: merge('containerPort'),
    env: merge('name'),
    volumeMounts: merge('mountPath'),
    volumeDevices: merge('devicePath'),
  },
  PodSpec: {
    containers: merge('name', 'Container'),
    initContainers: merge('name', 'Container'),
    ephemeralContainers: merge('name', 'Container'),
    volumes: { ...merge('name'), retainKeys: true },
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey'),
    schedulingGates: merge('name'),
    resourceClaims: { ...merge('name'), retainKeys: true },
  },
  PodStatus: {
    ...conditions,
    podIPs: merge('ip'),
    hostIPs: merge('ip'),
    resourceClaimStatuses: { ...merge('name'), retainKeys: true },
  },
  PodTemplateSpec: withMeta({ spec: struct('PodSpec') }),
  Pod: withMeta({ spec: struct('PodSpec'), status: struct('PodStatus') }),
  NodeSpec: { podCIDRs: merge() },
  NodeStatus: { ...conditions, addresses: merge('type') },
  Node: withMeta({ spec: struct('NodeSpec'), status: struct('NodeStatus') }),
  ServiceSpec: { ports: merge('port') },
  Service: withMeta({ spec: struct('ServiceSpec'), status: struct('Conditions') }),
  ServiceAccount: withMeta({ secrets: merge('name') }),
  Namespace: withMeta({ status: struct('Conditions') }),
  Conditions: conditions,
  TemplateSpec: { template: struct('PodTemplateSpec') },
  DeploymentSpec: { template: struct('PodTemplateSpec'), strategy: { retainKeys: true } },
  Deployment: withMeta({ spec: struct('DeploymentSpec'), status: struct('Conditions') }),
  ReplicaSet: withMeta({ spec: struct('TemplateSpec'), status: struct('Conditions') }),
  DaemonSet: withMeta({ spec: struct('TemplateSpec'), status: struct('Conditions') }),
  Job: withMeta({ spec: struct('TemplateSpec'), status: struct('Conditions') }),
  JobTemplateSpec: withMeta({ spec: struct('TemplateSpec') }),
  CronJobSpec: { jobTemplate: struct('JobTemplateSpec') },
  CronJob: withMeta({ spec: struct('CronJobSpec') }),
  /** Kinds whose only tagged fields are in ObjectMeta. */
  ObjectWithMeta: withMeta(),
};

/** `group/version/Kind` → root type in BUILTIN_PATCH_META. */
const ROOT_TYPES: Readonly<Record<string, string>> = {
  '/v1/Pod': 'Pod',
  '/v1/Node': 'Node',
  '/v1/Service': 'Service',
  '/v1/ServiceAccount': 'ServiceAccount',
  '/v1/Namespace': 'Namespace',
  '/v1/ConfigMap': 'ObjectWithMeta',
  '/v1/Secret': 'ObjectWithMeta',
  '/v1/Endpoints': 'ObjectWithMeta',
  '/v1/Event': 'ObjectWithMeta',
  '/v1/Binding': 'ObjectWithMeta',
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/ReplicaSet': 'ReplicaSet',
  'apps/v1/DaemonSet': 'DaemonSet',
  'apps/v1/ControllerRevision': 'ObjectWithMeta',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
  'coordination.k8s.io/v1/Lease': 'ObjectWithMeta',
  'discovery.k8s.io/v1/EndpointSlice': 'ObjectWithMeta',
  'autoscaling/v1/Scale': 'ObjectWithMeta',
  'policy/v1/Eviction': 'ObjectWithMeta',
};

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The schema for a built-in kind, or undefined when kubelab has no struct for it. */
export function builtinPatchSchema(gvk: GroupVersionKind): PatchSchema | undefined {
  const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
  if (!hasOwn(ROOT_TYPES, key)) return undefined;
  return { table: BUILTIN_PATCH_META, type: ROOT_TYPES[key] };
}

/** Kinds without a table entry that still carry ObjectMeta: merge as ObjectMeta plus untyped fields. */
export const GENERIC_OBJECT_PATCH_SCHEMA: PatchSchema = {
  table: BUILTIN_PATCH_META,
  type: 'ObjectWithMeta',
};

/** The metadata of field `key` of the struct at `schema`, and the schema of its value. */
export function lookupPatchMeta(
  schema: PatchSchema,
  key: string,
): { meta: FieldPatchMeta; sub: PatchSchema } {
  const fields =
    schema.type !== undefined && hasOwn(schema.table, schema.type)
      ? schema.table[schema.type]
      : undefined;
  const meta = fields && hasOwn(fields, key) ? (fields[key] ?? {}) : {};
  return { meta, sub: { table: schema.table, type: meta.type } };
}
