/**
 * downwardAPI volumes (pkg/volume/downwardapi): one file per item, from a metadata field path
 * (labels and annotations in the sorted `key="value"` line format) or a container resource
 * (limits not set stand for the node's allocatable). Errors of all items are aggregated.
 */
import type { Pod, Volume } from '@kubelab/api';
import { extractFieldPathAsString } from '../container/field-path.js';
import { extractResourceValue, type NodeAllocatable } from '../container/resource-field.js';
import { AtomicWriter, type Payload } from './atomic-writer.js';
import { DEFAULT_VOLUME_MODE } from './config-map-volume.js';
import { setUpPodVolumeDir } from './empty-dir-volume.js';
import { PLUGIN_DOWNWARD_API } from './pod-volume-paths.js';
import { aggregateMessage, type VolumeHost, type VolumePlugin } from './volume-plugin.js';

type DownwardApiSource = NonNullable<Volume['downwardAPI']>;
export type DownwardApiFile = NonNullable<DownwardApiSource['items']>[number];

/** CollectData: the payload, or an error aggregating every item that failed. */
export function collectDownwardApiData(
  items: readonly DownwardApiFile[] | undefined,
  pod: Pod,
  allocatable: NodeAllocatable,
  defaultMode: number,
): Payload {
  const payload: Payload = new Map();
  const errors: string[] = [];
  for (const item of items ?? []) {
    const mode = item.mode ?? defaultMode;
    try {
      let value = '';
      if (item.fieldRef) value = extractFieldPathAsString(pod, item.fieldRef.fieldPath);
      else if (item.resourceFieldRef) value = extractResourceValue(item.resourceFieldRef, pod, { allocatable });
      payload.set(item.path, { data: Buffer.from(value, 'utf8'), mode });
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errors.length > 0) throw new Error(aggregateMessage(errors));
  return payload;
}

export const downwardApiPlugin: VolumePlugin = {
  name: PLUGIN_DOWNWARD_API,
  async setUp(volume, pod: Pod, host: VolumeHost) {
    const source: DownwardApiSource = volume.downwardAPI ?? {};
    const payload = collectDownwardApiData(source.items, pod, host.allocatable, source.defaultMode ?? DEFAULT_VOLUME_MODE);
    const dir = await setUpPodVolumeDir(pod, volume, PLUGIN_DOWNWARD_API, host);
    await new AtomicWriter(dir, host.now).write(payload);
    return { name: volume.name, hostPath: dir, readOnly: true };
  },
};
