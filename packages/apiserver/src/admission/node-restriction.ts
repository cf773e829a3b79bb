/**
 * NodeRestriction (plugin/pkg/admission/noderestriction): a node identity may create only mirror
 * pods of its own with the Node owner reference, touch only pods bound to itself, and write only
 * its own Node and Lease.
 */
import type { ApiObject, Node, OwnerReference, Pod } from '@kubelab/api';
import type { AdmissionAttributes, AdmissionPlugin } from './admission.js';
import { admissionForbidden } from './admission-errors.js';
import type { ObjectLookup } from './lookups.js';
import { MIRROR_ANNOTATION } from './service-account.js';
import { nodeNameOf } from '../auth/node-authorizer.js';

export class NodeRestriction implements AdmissionPlugin {
  readonly name = 'NodeRestriction';
  constructor(private readonly lookup: Pick<ObjectLookup, 'getNode' | 'getPod'>) {}

  validate(a: AdmissionAttributes): void {
    const node = nodeNameOf(a.ctx.user);
    if (!node) return;
    const { group, plural } = a.resource;
    if (group === '' && plural === 'pods') return this.pods(node, a);
    if (group === '' && plural === 'nodes') return this.nodes(node, a);
    if (group === 'coordination.k8s.io' && plural === 'leases') return this.leases(node, a);
  }

  private pods(node: string, a: AdmissionAttributes): void {
    switch (a.subresource) {
      case '':
        if (a.operation === 'CREATE') return this.podCreate(node, a);
        if (a.operation === 'DELETE') {
          if ((a.oldObject as Pod | undefined)?.spec?.nodeName !== node) {
            throw admissionForbidden(a, `node "${node}" can only delete pods with spec.nodeName set to itself`);
          }
          return;
        }
        throw admissionForbidden(a, `node "${node}" can only create and delete pods`);
      case 'status':
        if ((a.oldObject as Pod | undefined)?.spec?.nodeName !== node) {
          throw admissionForbidden(a, `node "${node}" can only update pod status for pods with spec.nodeName set to itself`);
        }
        return;
      case 'eviction': {
        const pod = a.namespace ? this.lookup.getPod(a.namespace, a.name) : undefined;
        if ((pod as Pod | undefined)?.spec?.nodeName !== node) {
          throw admissionForbidden(a, `node "${node}" can only evict pods with spec.nodeName set to itself`);
        }
        return;
      }
      default:
        throw admissionForbidden(a, `unexpected operation ${a.operation}, subresource ${a.subresource}`);
    }
  }

  private podCreate(node: string, a: AdmissionAttributes): void {
    const pod = a.object as Pod;
    if (pod.metadata?.annotations?.[MIRROR_ANNOTATION] === undefined) {
      throw admissionForbidden(a, `pod does not have "${MIRROR_ANNOTATION}" annotation, node "${node}" can only create mirror pods`);
    }
    if (pod.spec?.nodeName !== node) {
      throw admissionForbidden(a, `node "${node}" can only create pods with spec.nodeName set to itself`);
    }
    const refs = pod.metadata?.ownerReferences ?? [];
    if (refs.length !== 1) {
      throw admissionForbidden(a, `node "${node}" can only create pods with a single owner reference set to itself`);
    }
    const ref = refs[0] as OwnerReference;
    if (ref.apiVersion !== 'v1' || ref.kind !== 'Node' || ref.name !== node || ref.controller !== true) {
      throw admissionForbidden(a, `node "${node}" can only create pods with an owner reference set to itself`);
    }
    if (ref.blockOwnerDeletion) {
      throw admissionForbidden(a, `node "${node}" must not set blockOwnerDeletion on an owner reference`);
    }
    const live = this.lookup.getNode(node);
    if (!live?.metadata?.uid || live.metadata.uid !== ref.uid) {
      throw admissionForbidden(a, `the UID in the owner reference (${ref.uid}) does not match the current UID of node ${node}`);
    }
    const why = forbiddenReference(pod);
    if (why) throw admissionForbidden(a, `node "${node}" can not create pods that reference ${why}`);
  }

  private nodes(node: string, a: AdmissionAttributes): void {
    const target = a.name || a.object?.metadata?.name;
    if (target !== node) throw admissionForbidden(a, `node "${node}" is not allowed to modify node "${target ?? ''}"`);
    if (a.operation === 'UPDATE' && !a.subresource) {
      const oldTaints = JSON.stringify((a.oldObject as Node | undefined)?.spec?.taints ?? []);
      const newTaints = JSON.stringify((a.object as Node | undefined)?.spec?.taints ?? []);
      if (oldTaints !== newTaints) throw admissionForbidden(a, 'node "' + node + '" is not allowed to modify taints');
    }
    const labels = Object.keys((a.object as ApiObject | undefined)?.metadata?.labels ?? {});
    const oldLabels = (a.oldObject as ApiObject | undefined)?.metadata?.labels ?? {};
    const bad = labels.filter((k) => isForbiddenNodeLabel(k) && !(k in oldLabels)).sort();
    if (bad.length) {
      throw admissionForbidden(a, `is not allowed to modify labels: ${bad.join(', ')}`);
    }
  }

  private leases(node: string, a: AdmissionAttributes): void {
    if (a.namespace !== 'kube-node-lease') {
      throw admissionForbidden(a, `can only access leases in the "kube-node-lease" namespace`);
    }
    const name = a.name || a.object?.metadata?.name;
    if (name !== node) throw admissionForbidden(a, 'can only access node lease with the same name as the requesting node');
  }
}

const KUBELET_LABELS = new Set([
  'kubernetes.io/hostname',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/instance-type',
  'node.kubernetes.io/instance-type',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
]);

/** noderestriction getForbiddenLabels: kubernetes.io / k8s.io labels the kubelet may not set. */
export function isForbiddenNodeLabel(key: string): boolean {
  if (KUBELET_LABELS.has(key)) return false;
  const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
  const namespaced = (d: string): boolean => prefix === d || prefix.endsWith(`.${d}`);
  if (prefix === 'node-restriction.kubernetes.io' || prefix.endsWith('.node-restriction.kubernetes.io')) return true;
  if (prefix === 'kubelet.kubernetes.io' || prefix.endsWith('.kubelet.kubernetes.io')) return false;
  if (prefix === 'node.kubernetes.io' || prefix.endsWith('.node.kubernetes.io')) return false;
  return namespaced('kubernetes.io') || namespaced('k8s.io');
}

function forbiddenReference(pod: Pod): string | undefined {
  const spec = pod.spec;
  if (!spec) return undefined;
  if (spec.serviceAccountName || spec.serviceAccount) return 'a service account';
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  for (const v of spec.volumes ?? []) {
    if (v.secret) return 'secrets';
    if (v.configMap) return 'configmaps';
    if (v.persistentVolumeClaim) return 'persistentvolumeclaims';
    for (const s of v.projected?.sources ?? []) {
      if (s.secret) return 'secrets';
      if (s.configMap) return 'configmaps';
      if (s.serviceAccountToken) return 'a service account';
    }
  }
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if (e.valueFrom?.secretKeyRef) return 'secrets';
      if (e.valueFrom?.configMapKeyRef) return 'configmaps';
    }
    for (const e of c.envFrom ?? []) {
      if (e.secretRef) return 'secrets';
      if (e.configMapRef) return 'configmaps';
    }
  }
  if (spec.imagePullSecrets?.length) return 'secrets';
  return undefined;
}
