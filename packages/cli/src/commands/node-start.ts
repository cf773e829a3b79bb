/** `kubelab node start NODE`: starts the node's kubelet (it adopts the running containers). */
import { nodeKubeletCommand } from '../node/node-kubelet-command.js';

export const nodeStartCommand = nodeKubeletCommand({
  verb: 'start',
  short: "Starts a node's kubelet",
  long: "Starts a node's kubelet process (as systemctl start kubelet on that node); it finds the node's running containers again by their labels.",
  async act(control, { cluster, node }) {
    const s = await control.start(cluster, node);
    return `Started the kubelet of node "${node.name}" (pid ${s.pid ?? 'unknown'})`;
  },
});
