/**
 * configMap volumes (pkg/volume/configmap): every key (data and base64 binaryData) as a file,
 * or only the listed items at their paths; defaultMode 0644, per-item mode; a missing ConfigMap
 * or key is an error unless optional. Written atomically, so a later sync updates the files.
 */
import type { Pod, Volume } from '@kubelab/api';
import { getConfigMapOrFail, ObjectNotFoundError, type ConfigMapData } from '../container/object-lookup.js';
import { AtomicWriter, type Payload } from './atomic-writer.js';
import { setUpPodVolumeDir } from './empty-dir-volume.js';
import { PLUGIN_CONFIG_MAP } from './pod-volume-paths.js';
import type { VolumeHost, VolumePlugin } from './volume-plugin.js';
import type { VolumeObjectSource } from './volume-manager.js';

export const DEFAULT_VOLUME_MODE = 0o644;

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

/** MakePayload of the configmap plugin. */
export function makeConfigMapPayload(
  items: readonly KeyToPath[] | undefined,
  cm: ConfigMapData,
  defaultMode: number,
  optional: boolean,
): Payload {
  const payload: Payload = new Map();
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  if (!items || items.length === 0) {
    for (const [k, v] of Object.entries(data)) payload.set(k, { data: Buffer.from(v, 'utf8'), mode: defaultMode });
    for (const [k, v] of Object.entries(binary)) payload.set(k, { data: Buffer.from(v, 'base64'), mode: defaultMode });
    return payload;
  }
  for (const item of items) {
    let bytes: Buffer;
    if (has(data, item.key)) bytes = Buffer.from(data[item.key] ?? '', 'utf8');
    else if (has(binary, item.key)) bytes = Buffer.from(binary[item.key] ?? '', 'base64');
    else if (optional) continue;
    else throw new Error(`configmap references non-existent config key: ${item.key}`);
    payload.set(item.path, { data: bytes, mode: item.mode ?? defaultMode });
  }
  return payload;
}

/** The ConfigMap, an empty one when it is missing and optional, else the not-found error. */
export async function configMapForVolume(
  objects: VolumeObjectSource,
  namespace: string,
  name: string,
  optional: boolean,
): Promise<ConfigMapData> {
  try {
    return await getConfigMapOrFail(objects, namespace, name);
  } catch (err) {
    if (err instanceof ObjectNotFoundError && optional) return {};
    throw err;
  }
}

type ConfigMapSource = NonNullable<Volume['configMap']>;

export const configMapPlugin: VolumePlugin = {
  name: PLUGIN_CONFIG_MAP,
  async setUp(volume, pod: Pod, host: VolumeHost) {
    const source: ConfigMapSource = volume.configMap ?? {};
    const optional = source.optional === true;
    const cm = await configMapForVolume(host.objects, pod.metadata?.namespace ?? 'default', source.name ?? '', optional);
    const payload = makeConfigMapPayload(source.items, cm, source.defaultMode ?? DEFAULT_VOLUME_MODE, optional);
    const dir = await setUpPodVolumeDir(pod, volume, PLUGIN_CONFIG_MAP, host);
    await new AtomicWriter(dir, host.now).write(payload);
    return { name: volume.name, hostPath: dir, readOnly: true };
  },
};

