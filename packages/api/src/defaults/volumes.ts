/**
 * Volume defaults (SetDefaults_Volume and the per-source SetDefaults_*): a volume without a source
 * becomes an emptyDir; file modes default to 0644 (420); hostPath type to "".
 */
import type { Volume } from 'kubernetes-types/core/v1.js';

const DEFAULT_MODE = 0o644;
const SOURCE_KEYS = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'configMap', 'csi', 'downwardAPI',
  'emptyDir', 'ephemeral', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs',
  'hostPath', 'image', 'iscsi', 'nfs', 'persistentVolumeClaim', 'photonPersistentDisk', 'portworxVolume',
  'projected', 'quobyte', 'rbd', 'scaleIO', 'secret', 'storageos', 'vsphereVolume',
];

function defaultFieldRefs(items: { fieldRef?: { apiVersion?: string } }[] | undefined): void {
  for (const item of items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
}

export function defaultVolume(v: Volume): void {
  const src = v as unknown as Record<string, unknown>;
  if (!SOURCE_KEYS.some((k) => src[k] !== undefined && src[k] !== null)) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    defaultFieldRefs(v.downwardAPI.items);
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
      defaultFieldRefs(s.downwardAPI?.items);
    }
  }
  if (v.hostPath) v.hostPath.type ??= '';
}
