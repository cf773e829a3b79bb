/** The node kubelet's process control, as the node commands and tools obtain it. */
import type { KubeletProcessControl } from '../cluster/kubelet-process-api.js';
import { KubeletProcess } from '../cluster/kubelet-process.js';
import type { ClusterRecord, NodeRecord } from '../cluster/layout.js';

/** KubeletProcessControl, plus the command line it starts (shown by `systemctl cat` while stopped). */
export interface NodeKubeletControl extends KubeletProcessControl {
  commandLine?(cluster: ClusterRecord, node: NodeRecord): string[];
}

export async function kubeletProcessControl(env: NodeJS.ProcessEnv = process.env): Promise<NodeKubeletControl> {
  return new KubeletProcess({ env });
}
