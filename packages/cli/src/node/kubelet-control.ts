/** The node kubelet's process control, as the node commands and tools obtain it. */
import type { KubeletProcessControl } from '../cluster/kubelet-process-api.js';

export async function kubeletProcessControl(): Promise<KubeletProcessControl> {
  throw new Error('kubelet process control is not available yet');
}
