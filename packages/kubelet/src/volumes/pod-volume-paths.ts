/**
 * Where pod volumes live on a node (kubelet_getters.go): /var/lib/kubelet/pods/<uid>/volumes/
 * <escaped plugin name>/<volume name>, the plugin name's `/` escaped to `~`
 * (kubernetes.io/configmap -> kubernetes.io~configmap). Node-view paths: map them through
 * NodeRoot for the host.
 */

export const KUBELET_ROOT_DIR = '/var/lib/kubelet';

export const PLUGIN_EMPTY_DIR = 'kubernetes.io/empty-dir';
export const PLUGIN_HOST_PATH = 'kubernetes.io/host-path';
export const PLUGIN_CONFIG_MAP = 'kubernetes.io/configmap';
export const PLUGIN_SECRET = 'kubernetes.io/secret';
export const PLUGIN_DOWNWARD_API = 'kubernetes.io/downward-api';
export const PLUGIN_PROJECTED = 'kubernetes.io/projected';

/** EscapeQualifiedName. */
export const escapePluginName = (name: string): string => name.replaceAll('/', '~');

function checkUid(uid: string): string {
  if (!uid || uid === '.' || uid === '..' || uid.includes('/')) {
    throw new Error(`invalid pod UID ${JSON.stringify(uid)}`);
  }
  return uid;
}

export const podDir = (uid: string): string => `${KUBELET_ROOT_DIR}/pods/${checkUid(uid)}`;

export const podVolumesDir = (uid: string): string => `${podDir(uid)}/volumes`;

export const podVolumeDir = (uid: string, pluginName: string, volumeName: string): string =>
  `${podVolumesDir(uid)}/${escapePluginName(pluginName)}/${volumeName}`;
