/**
 * Volumes of a pod, materialised as host directories that containers bind-mount: emptyDir,
 * hostPath (node-view paths under the node root), configMap, secret, downwardAPI, projected.
 */
import type { Pod } from '@kubelab/api';

/** What volumes read from the API server (may fail while it is unreachable). */
export interface VolumeObjectSource {
  getConfigMap(namespace: string, name: string): Promise<{ data?: Record<string, string>; binaryData?: Record<string, string> } | undefined>;
  getSecret(namespace: string, name: string): Promise<{ data?: Record<string, string> } | undefined>;
}

export interface MountedVolume {
  name: string;
  /** Host path to bind-mount. */
  hostPath: string;
  readOnly: boolean;
}

export interface VolumeManager {
  /** Makes every volume of the pod ready; rejects with a message the kubelet reports as
   * FailedMount (e.g. `MountVolume.SetUp failed for volume "cfg" : configmap "x" not found`). */
  setUpPodVolumes(pod: Pod): Promise<Map<string, MountedVolume>>;
  /** Removes what setUp created (emptyDir contents, projected files); hostPath is left alone. */
  tearDownPodVolumes(podUid: string): Promise<void>;
}
