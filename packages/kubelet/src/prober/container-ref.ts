/** The event reference of a pod's container (kubecontainer.GenerateContainerRef): the pod,
 * with fieldPath spec.containers{name} or spec.initContainers{name}. */
import type { Container, ObjectReference, Pod } from '@kubelab/api';

export function findPodContainer(pod: Pod, name: string): { container: Container; init: boolean } | undefined {
  const regular = pod.spec?.containers.find((c) => c.name === name);
  if (regular) return { container: regular, init: false };
  const init = pod.spec?.initContainers?.find((c) => c.name === name);
  return init ? { container: init, init: true } : undefined;
}

export function containerRef(pod: Pod, containerName: string): ObjectReference {
  const init = findPodContainer(pod, containerName)?.init === true;
  const ref: ObjectReference = {
    kind: 'Pod',
    apiVersion: 'v1',
    namespace: pod.metadata?.namespace,
    name: pod.metadata?.name,
    uid: pod.metadata?.uid,
    fieldPath: `${init ? 'spec.initContainers' : 'spec.containers'}{${containerName}}`,
  };
  if (pod.metadata?.resourceVersion) ref.resourceVersion = pod.metadata.resourceVersion;
  return ref;
}
