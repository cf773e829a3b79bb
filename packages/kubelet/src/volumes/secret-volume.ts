/**
 * secret volumes (pkg/volume/secret): like configMap volumes, with the API's base64 data
 * decoded; defaultMode 0644; a missing Secret or key is an error unless optional.
 */
import type { Pod, Volume } from '@kubelab/api';
import { decodeSecretData, getSecretOrFail, ObjectNotFoundError } from '../container/object-lookup.js';
import { AtomicWriter, type Payload } from './atomic-writer.js';
import { DEFAULT_VOLUME_MODE, type KeyToPath } from './config-map-volume.js';
import { setUpPodVolumeDir } from './empty-dir-volume.js';
import { PLUGIN_SECRET } from './pod-volume-paths.js';
import type { VolumeHost, VolumePlugin } from './volume-plugin.js';
import type { VolumeObjectSource } from './volume-manager.js';

/** MakePayload of the secret plugin, over decoded data. */
export function makeSecretPayload(
  items: readonly KeyToPath[] | undefined,
  data: ReadonlyMap<string, Buffer>,
  defaultMode: number,
  optional: boolean,
): Payload {
  const payload: Payload = new Map();
  if (!items || items.length === 0) {
    for (const [k, v] of data) payload.set(k, { data: v, mode: defaultMode });
    return payload;
  }
  for (const item of items) {
    const bytes = data.get(item.key);
    if (bytes === undefined) {
      if (optional) continue;
      throw new Error(`references non-existent secret key: ${item.key}`);
    }
    payload.set(item.path, { data: bytes, mode: item.mode ?? defaultMode });
  }
  return payload;
}

/** The Secret's decoded data, empty when it is missing and optional, else the not-found error. */
export async function secretDataForVolume(
  objects: VolumeObjectSource,
  namespace: string,
  name: string,
  optional: boolean,
): Promise<Map<string, Buffer>> {
  try {
    return decodeSecretData((await getSecretOrFail(objects, namespace, name)).data);
  } catch (err) {
    if (err instanceof ObjectNotFoundError && optional) return new Map();
    throw err;
  }
}

type SecretSource = NonNullable<Volume['secret']>;

export const secretPlugin: VolumePlugin = {
  name: PLUGIN_SECRET,
  async setUp(volume, pod: Pod, host: VolumeHost) {
    const source: SecretSource = volume.secret ?? {};
    const optional = source.optional === true;
    const namespace = pod.metadata?.namespace ?? 'default';
    const data = await secretDataForVolume(host.objects, namespace, source.secretName ?? '', optional);
    const payload = makeSecretPayload(source.items, data, source.defaultMode ?? DEFAULT_VOLUME_MODE, optional);
    const dir = await setUpPodVolumeDir(pod, volume, PLUGIN_SECRET, host);
    await new AtomicWriter(dir, host.now).write(payload);
    return { name: volume.name, hostPath: dir, readOnly: true };
  },
};
