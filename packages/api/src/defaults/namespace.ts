/** SetDefaults_Namespace and SetDefaults_NamespaceStatus (core/v1). */
import type { Namespace } from 'kubernetes-types/core/v1.js';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) {
    const meta = (ns.metadata ??= {});
    meta.labels = { ...(meta.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
  }
  const status = (ns.status ??= {});
  if (!status.phase) status.phase = 'Active';
}
