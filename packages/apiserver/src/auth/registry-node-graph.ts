/** The node graph from the pods in the registry: which secrets and config maps a node's pods use. */
import type { Pod } from '@kubelab/api';
import type { Registry } from '../registry/registry.js';
import type { NodeGraph } from './node-authorizer.js';

export function podReferences(pod: Pod, resource: 'secrets' | 'configmaps' | 'serviceaccounts'): Set<string> {
  const out = new Set<string>();
  const spec = pod.spec;
  if (!spec) return out;
  if (resource === 'serviceaccounts') {
    if (spec.serviceAccountName) out.add(spec.serviceAccountName);
    return out;
  }
  const want = resource === 'secrets' ? 'secret' : 'configMap';
  for (const v of spec.volumes ?? []) {
    if (want === 'secret' && v.secret?.secretName) out.add(v.secret.secretName);
    if (want === 'configMap' && v.configMap?.name) out.add(v.configMap.name);
    for (const s of v.projected?.sources ?? []) {
      if (want === 'secret' && s.secret?.name) out.add(s.secret.name);
      if (want === 'configMap' && s.configMap?.name) out.add(s.configMap.name);
    }
  }
  if (want === 'secret') for (const s of spec.imagePullSecrets ?? []) if (s.name) out.add(s.name);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const e of c.env ?? []) {
      const ref = want === 'secret' ? e.valueFrom?.secretKeyRef : e.valueFrom?.configMapKeyRef;
      if (ref?.name) out.add(ref.name);
    }
    for (const e of c.envFrom ?? []) {
      const ref = want === 'secret' ? e.secretRef : e.configMapRef;
      if (ref?.name) out.add(ref.name);
    }
  }
  return out;
}

export function registryNodeGraph(registry: Registry): NodeGraph {
  return {
    nodeReferences(node, resource, namespace, name) {
      const pods = registry.listObjects<Pod>('', 'pods', namespace);
      return pods.some((p) => p.spec?.nodeName === node && podReferences(p, resource).has(name));
    },
  };
}
