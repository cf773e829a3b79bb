/** `kubelab node restart NODE`: restarts the node's kubelet; containers keep running. */
import { nodeKubeletCommand } from '../node/node-kubelet-command.js';

export const nodeRestartCommand = nodeKubeletCommand({
  verb: 'restart',
  short: "Restarts a node's kubelet",
  long: "Restarts a node's kubelet process (as systemctl restart kubelet on that node). Its containers keep running through the restart.",
  async act(control, { cluster, node }) {
    const s = await control.restart(cluster, node);
    return `Restarted the kubelet of node "${node.name}" (pid ${s.pid ?? 'unknown'})`;
  },
});
