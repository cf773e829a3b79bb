/**
 * Versions kubelab reports and tags its images with. The control-plane images are tagged with
 * kubelab's own version (`kubelab/kube-apiserver:v0.1.0`): they hold kubelab's code, which
 * changes with kubelab's releases; the Kubernetes version the components emulate (what
 * `kubectl version` and `kubectl get nodes` show) is KUBERNETES_VERSION, also put in an image label.
 */
export const KUBELAB_VERSION = 'v0.1.0';
export const KUBERNETES_VERSION = 'v1.32.0';
export const IMAGE_TAG = KUBELAB_VERSION;

const GO_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

/** `kubelab v0.1.0 node v20.20.2 linux/amd64`, as `kind version` prints `kind v0.20.0 go1.20.4 linux/amd64`. */
export function versionLine(nodeVersion = process.version, platform = process.platform, arch = process.arch): string {
  return `kubelab ${KUBELAB_VERSION} node ${nodeVersion} ${platform}/${GO_ARCH[arch] ?? arch}`;
}
