/**
 * projected volumes (pkg/volume/projected): configMap, secret and downwardAPI sources merged
 * into one directory (defaultMode 0644), errors of all sources aggregated. kubelab has no
 * TokenRequest API, so a serviceAccountToken source gets a placeholder token file that no API
 * server accepts; the cluster CA reaches pods through the kube-root-ca.crt ConfigMap (see
 * HostVolumeManager's clusterCaPem).
 */
import type { Pod, Volume } from '@kubelab/api';
import { AtomicWriter, type Payload } from './atomic-writer.js';
import { configMapForVolume, DEFAULT_VOLUME_MODE, makeConfigMapPayload } from './config-map-volume.js';
import { collectDownwardApiData } from './downward-api-volume.js';
import { setUpPodVolumeDir } from './empty-dir-volume.js';
import { PLUGIN_PROJECTED } from './pod-volume-paths.js';
import { makeSecretPayload, secretDataForVolume } from './secret-volume.js';
import { aggregateMessage, type VolumeHost, type VolumePlugin } from './volume-plugin.js';

export const PLACEHOLDER_SERVICE_ACCOUNT_TOKEN = 'kubelab-placeholder-token: kubelab has no TokenRequest API';

type ProjectedSource = NonNullable<Volume['projected']>;
type VolumeProjection = NonNullable<ProjectedSource['sources']>[number];

async function projectSource(source: VolumeProjection, pod: Pod, host: VolumeHost, defaultMode: number): Promise<Payload> {
  const namespace = pod.metadata?.namespace ?? 'default';
  if (source.configMap) {
    const { name = '', items } = source.configMap;
    const optional = source.configMap.optional === true;
    const cm = await configMapForVolume(host.objects, namespace, name, optional);
    return makeConfigMapPayload(items, cm, defaultMode, optional);
  }
  if (source.secret) {
    const { name = '', items } = source.secret;
    const optional = source.secret.optional === true;
    const data = await secretDataForVolume(host.objects, namespace, name, optional);
    return makeSecretPayload(items, data, defaultMode, optional);
  }
  if (source.downwardAPI) {
    return collectDownwardApiData(source.downwardAPI.items, pod, host.allocatable, defaultMode);
  }
  if (source.serviceAccountToken) {
    const file = { data: Buffer.from(PLACEHOLDER_SERVICE_ACCOUNT_TOKEN), mode: defaultMode };
    return new Map([[source.serviceAccountToken.path, file]]);
  }
  const kind = Object.keys(source).find((k) => (source as Record<string, unknown>)[k] != null) ?? 'unknown';
  throw new Error(`kubelab does not support ${kind} projections`);
}

/** collectData: every source's files, later sources overwriting earlier ones. */
export async function collectProjectedData(source: ProjectedSource, pod: Pod, host: VolumeHost): Promise<Payload> {
  const defaultMode = source.defaultMode ?? DEFAULT_VOLUME_MODE;
  const payload: Payload = new Map();
  const errors: string[] = [];
  for (const s of source.sources ?? []) {
    try {
      for (const [path, file] of await projectSource(s, pod, host, defaultMode)) payload.set(path, file);
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errors.length > 0) throw new Error(aggregateMessage(errors));
  return payload;
}

export const projectedPlugin: VolumePlugin = {
  name: PLUGIN_PROJECTED,
  async setUp(volume, pod, host) {
    const payload = await collectProjectedData(volume.projected ?? {}, pod, host);
    const dir = await setUpPodVolumeDir(pod, volume, PLUGIN_PROJECTED, host);
    await new AtomicWriter(dir, host.now).write(payload);
    return { name: volume.name, hostPath: dir, readOnly: true };
  },
};
