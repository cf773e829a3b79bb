/**
 * The field set an object exposes to field selectors, per kind, as the registry strategies'
 * ToSelectableFields build it (pkg/registry/<group>/<resource>/strategy.go).
 */
import { RESOURCES } from '../resources.js';
import type { ApiObject } from '../types/index.js';

type Fields = Record<string, string>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): string => String(typeof v === 'number' ? v : 0);
const bool = (v: unknown): string => String(v === true);

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** generic.ObjectMetaFieldsSet. */
function objectMetaFields(obj: ApiObject, namespaced: boolean): Fields {
  const f: Fields = { 'metadata.name': str(obj.metadata?.name) };
  if (namespaced) f['metadata.namespace'] = str(obj.metadata?.namespace);
  return f;
}

type Extra = (obj: ApiObject) => Fields;

const pod: Extra = (o) => {
  const podIPs = get(o, 'status.podIPs');
  const first = Array.isArray(podIPs) ? str((podIPs[0] as { ip?: unknown } | undefined)?.ip) : '';
  return {
    'spec.nodeName': str(get(o, 'spec.nodeName')),
    'spec.restartPolicy': str(get(o, 'spec.restartPolicy')),
    'spec.schedulerName': str(get(o, 'spec.schedulerName')),
    'spec.serviceAccountName': str(get(o, 'spec.serviceAccountName')),
    'spec.hostNetwork': bool(get(o, 'spec.hostNetwork')),
    'status.phase': str(get(o, 'status.phase')),
    // Upstream reads status.podIPs[0].ip, which the apiserver keeps equal to status.podIP.
    'status.podIP': first || str(get(o, 'status.podIP')),
    'status.nominatedNodeName': str(get(o, 'status.nominatedNodeName')),
  };
};

const event: Extra = (o) => {
  const source = str(get(o, 'source.component')) || str(get(o, 'reportingComponent'));
  const io = (k: string): string => str(get(o, `involvedObject.${k}`));
  return {
    'involvedObject.kind': io('kind'),
    'involvedObject.namespace': io('namespace'),
    'involvedObject.name': io('name'),
    'involvedObject.uid': io('uid'),
    'involvedObject.apiVersion': io('apiVersion'),
    'involvedObject.resourceVersion': io('resourceVersion'),
    'involvedObject.fieldPath': io('fieldPath'),
    reason: str(get(o, 'reason')),
    reportingComponent: str(get(o, 'reportingComponent')),
    source,
    type: str(get(o, 'type')),
  };
};

interface KindFields {
  namespaced: boolean;
  extra?: Extra;
}

const KINDS: Record<string, KindFields> = {
  '/Pod': { namespaced: true, extra: pod },
  '/Event': { namespaced: true, extra: event },
  '/Node': { namespaced: false, extra: (o) => ({ 'spec.unschedulable': bool(get(o, 'spec.unschedulable')) }) },
  // NamespaceToSelectableFields also sets a bare "name" for backward compatibility.
  '/Namespace': {
    namespaced: false,
    extra: (o) => ({ 'status.phase': str(get(o, 'status.phase')), name: str(o.metadata?.name) }),
  },
  '/Secret': { namespaced: true, extra: (o) => ({ type: str(get(o, 'type')) }) },
  '/Service': {
    namespaced: true,
    extra: (o) => ({ 'spec.clusterIP': str(get(o, 'spec.clusterIP')), 'spec.type': str(get(o, 'spec.type')) }),
  },
  'apps/ReplicaSet': { namespaced: true, extra: (o) => ({ 'status.replicas': num(get(o, 'status.replicas')) }) },
  'batch/Job': { namespaced: true, extra: (o) => ({ 'status.successful': num(get(o, 'status.succeeded')) }) },
};

/** Scope from the resource table; unknown kinds count as namespaced. */
function isNamespaced(group: string, kind: string): boolean {
  return RESOURCES.find((r) => r.group === group && r.kind === kind)?.namespaced ?? true;
}

export function selectableFields(group: string, kind: string, obj: ApiObject): Record<string, string> {
  const spec = KINDS[`${group}/${kind}`] ?? { namespaced: isNamespaced(group, kind) };
  return { ...objectMetaFields(obj, spec.namespaced), ...(spec.extra?.(obj) ?? {}) };
}
