/**
 * The kubelet API's error texts (pkg/kubelet/server/server.go, kubelet_pods.go), as ApiErrors
 * the core can throw from its callbacks; the server writes them as metav1.Status.
 */
import { ApiError } from '@kubelab/api';

/** /containerLogs for a pod this kubelet does not run. */
export function podNotFoundForLogs(podName: string): ApiError {
  return new ApiError('NotFound', `pod "${podName}" does not exist`);
}

/** /containerLogs for a container the pod spec does not have. */
export function containerNotFoundInPod(container: string, podName: string): ApiError {
  return new ApiError('NotFound', `container "${container}" not found in pod "${podName}"`);
}

/** /exec and /attach for a pod this kubelet does not run. */
export function podDoesNotExist(): ApiError {
  return new ApiError('NotFound', 'pod does not exist');
}

/** /exec and /attach for a container without a running instance (GetExec's plain error, a 500). */
export function execContainerNotFound(container: string): ApiError {
  return new ApiError('InternalError', `container not found ("${container}")`);
}
