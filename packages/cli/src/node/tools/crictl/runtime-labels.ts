/**
 * The Docker labels the kubelet writes on a node's containers (kubelet
 * src/runtime/docker/labels.ts, as dockershim wrote them), read back here as CRI would report
 * them. Labels under `annotation.` are CRI annotations; the kubelet's internal labels are not
 * shown.
 */
export const POD_NAME_LABEL = 'io.kubernetes.pod.name';
export const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
export const POD_UID_LABEL = 'io.kubernetes.pod.uid';
export const CONTAINER_NAME_LABEL = 'io.kubernetes.container.name';
export const CONTAINER_TYPE_LABEL = 'io.kubernetes.docker.type';
export const SANDBOX_ID_LABEL = 'io.kubernetes.sandbox.id';
export const CONTAINER_LOG_PATH_LABEL = 'io.kubernetes.container.logpath';
export const CONTAINER_RESTART_COUNT_LABEL = 'annotation.io.kubernetes.container.restartCount';
export const SANDBOX_ATTEMPT_LABEL = 'io.kubelab.sandbox.attempt';
export const CONTAINER_IMAGE_LABEL = 'io.kubelab.container.image';
const ANNOTATION_PREFIX = 'annotation.';
const INTERNAL = new Set([CONTAINER_TYPE_LABEL, SANDBOX_ID_LABEL, CONTAINER_LOG_PATH_LABEL]);

/** Docker labels → CRI labels and annotations (dockershim's extractLabels). */
export function criLabels(docker: Record<string, string>): { labels: Record<string, string>; annotations: Record<string, string> } {
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(docker)) {
    if (k.startsWith(ANNOTATION_PREFIX)) annotations[k.slice(ANNOTATION_PREFIX.length)] = v;
    else if (!INTERNAL.has(k) && !k.startsWith('io.kubelab.')) labels[k] = v;
  }
  return { labels, annotations };
}
