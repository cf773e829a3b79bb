/**
 * One volume type (pkg/volume VolumePlugin, reduced to set up): gets a pod's volume ready on
 * the host and says which host path containers bind-mount.
 */
import type { Pod, Volume } from '@kubelab/api';
import type { NodeAllocatable } from '../container/resource-field.js';
import type { NodeRoot } from '../node-root.js';
import type { MountedVolume, VolumeObjectSource } from './volume-manager.js';

export interface VolumeHost {
  nodeRoot: NodeRoot;
  objects: VolumeObjectSource;
  /** For downward API resource fields whose limit is not set. */
  allocatable: NodeAllocatable;
  now: () => number;
}

export interface VolumePlugin {
  /** Upstream plugin name, e.g. kubernetes.io/configmap. */
  readonly name: string;
  setUp(volume: Volume, pod: Pod, host: VolumeHost): Promise<MountedVolume>;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several deduplicated in brackets. */
export function aggregateMessage(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  if (seen.length <= 1) return seen[0] ?? '';
  return `[${seen.join(', ')}]`;
}
