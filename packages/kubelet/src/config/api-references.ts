/**
 * What API objects a pod refers to (pkg/api/pod HasAPIObjectReference): static pods may refer to
 * none, since they must run without an API server (PreventStaticPodAPIReferences, on since 1.34).
 */
import type { Container, Pod, Volume } from '@kubelab/api';

export interface APIObjectReference {
  /** The plural resource referenced, as upstream names it (`secrets (via secret volumes)`). */
  resource: string;
}

type AnyContainer = Pick<Container, 'env' | 'envFrom'>;

function allContainers(pod: Pod): AnyContainer[] {
  const spec = pod.spec;
  return [
    ...(spec?.initContainers ?? []),
    ...(spec?.containers ?? []),
    ...(spec?.ephemeralContainers ?? []),
  ];
}

/** VisitPodSecretNames: image pull secrets, env, envFrom and the secret fields of volumes. */
function referencesSecrets(pod: Pod): boolean {
  if ((pod.spec?.imagePullSecrets ?? []).length > 0) return true;
  for (const c of allContainers(pod)) {
    if ((c.envFrom ?? []).some((e) => e.secretRef)) return true;
    if ((c.env ?? []).some((e) => e.valueFrom?.secretKeyRef)) return true;
  }
  return (pod.spec?.volumes ?? []).some(
    (v) =>
      v.secret ||
      v.azureFile ||
      v.cephfs?.secretRef ||
      v.cinder?.secretRef ||
      v.flexVolume?.secretRef ||
      v.rbd?.secretRef ||
      v.scaleIO?.secretRef ||
      v.iscsi?.secretRef ||
      v.storageos?.secretRef ||
      v.csi?.nodePublishSecretRef ||
      (v.projected?.sources ?? []).some((s) => s.secret),
  );
}

/** VisitPodConfigmapNames: env, envFrom, configMap volumes and projections. */
function referencesConfigMaps(pod: Pod): boolean {
  for (const c of allContainers(pod)) {
    if ((c.envFrom ?? []).some((e) => e.configMapRef)) return true;
    if ((c.env ?? []).some((e) => e.valueFrom?.configMapKeyRef)) return true;
  }
  return (pod.spec?.volumes ?? []).some(
    (v) => v.configMap || (v.projected?.sources ?? []).some((s) => s.configMap),
  );
}

/** Volume sources that need nothing from the API server. */
const LOCAL_VOLUME_TYPES = [
  'awsElasticBlockStore',
  'azureDisk',
  'cephfs',
  'cinder',
  'downwardAPI',
  'emptyDir',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'hostPath',
  'image',
  'iscsi',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
] as const;

const VOLUME_REFERENCES: readonly [string, string][] = [
  ['configMap', 'configmaps (via configmap volumes)'],
  ['secret', 'secrets (via secret volumes)'],
  ['csi', 'csidrivers (via CSI volumes)'],
  ['glusterfs', 'endpoints (via glusterFS volumes)'],
  ['persistentVolumeClaim', 'persistentvolumeclaims'],
  ['ephemeral', 'persistentvolumeclaims (via ephemeral volumes)'],
  ['azureFile', 'secrets (via azureFile volumes)'],
];

function volumeReference(v: Volume): string | undefined {
  const src = v as unknown as Record<string, unknown>;
  if (LOCAL_VOLUME_TYPES.some((t) => src[t] !== undefined)) return undefined;
  for (const [field, resource] of VOLUME_REFERENCES) if (src[field] !== undefined) return resource;
  if (!v.projected) throw new Error(`unknown volume type for volume  ${JSON.stringify(v.name)}`);
  for (const s of v.projected.sources ?? []) {
    const p = s as unknown as Record<string, unknown>;
    if (s.configMap) return 'configmaps (via projected volumes)';
    if (s.secret) return 'secrets (via projected volumes)';
    if (s.serviceAccountToken) return 'serviceaccounts (via projected volumes)';
    if (p['clusterTrustBundle'] !== undefined) return 'clustertrustbundles';
    if (p['podCertificate'] !== undefined) return 'podcertificates';
    if (s.downwardAPI) continue;
    throw new Error(`unknown source for projected volume ${JSON.stringify(v.name)}`);
  }
  return undefined;
}

/**
 * The first API object kind the pod refers to, or undefined. Throws on a volume (or projected
 * source) of a type it does not know, as upstream does.
 */
export function apiObjectReference(pod: Pod): APIObjectReference | undefined {
  if (pod.spec?.serviceAccountName) return { resource: 'serviceaccounts' };
  if (referencesSecrets(pod)) return { resource: 'secrets' };
  if (referencesConfigMaps(pod)) return { resource: 'configmaps' };
  const claims = (pod.spec as { resourceClaims?: unknown[] } | undefined)?.resourceClaims;
  if ((claims ?? []).length > 0) return { resource: 'resourceclaims' };
  for (const v of pod.spec?.volumes ?? []) {
    const resource = volumeReference(v);
    if (resource) return { resource };
  }
  return undefined;
}
