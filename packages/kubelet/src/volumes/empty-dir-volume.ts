/**
 * emptyDir (pkg/volume/emptydir): a directory in the pod's volume dir, world-writable (0777,
 * set with chmod whatever the umask). medium Memory is a plain directory too (no tmpfs), and
 * sizeLimit is not enforced. Also the directory that configMap, secret, downwardAPI and
 * projected volumes are written into, as upstream wraps them in an emptyDir.
 */
import { chmod, mkdir } from 'node:fs/promises';
import type { Pod, Volume } from '@kubelab/api';
import { PLUGIN_EMPTY_DIR, podVolumeDir } from './pod-volume-paths.js';
import type { VolumeHost, VolumePlugin } from './volume-plugin.js';
import type { MountedVolume } from './volume-manager.js';

const EMPTY_DIR_PERM = 0o777;

/** setupDir: creates the directory (kept with its contents if it exists) with mode 0777. */
export async function setUpDir(hostDir: string): Promise<void> {
  await mkdir(hostDir, { recursive: true, mode: EMPTY_DIR_PERM });
  await chmod(hostDir, EMPTY_DIR_PERM);
}

/** The host directory of a pod volume of a plugin, created. */
export async function setUpPodVolumeDir(pod: Pod, volume: Volume, pluginName: string, host: VolumeHost): Promise<string> {
  const dir = host.nodeRoot.hostPath(podVolumeDir(pod.metadata?.uid ?? '', pluginName, volume.name));
  await setUpDir(dir);
  return dir;
}

export const emptyDirPlugin: VolumePlugin = {
  name: PLUGIN_EMPTY_DIR,
  async setUp(volume, pod, host): Promise<MountedVolume> {
    const dir = await setUpPodVolumeDir(pod, volume, PLUGIN_EMPTY_DIR, host);
    return { name: volume.name, hostPath: dir, readOnly: false };
  },
};
