/** `kubelab node stop NODE`: stops the node's kubelet; its containers keep running. */
import { nodeKubeletCommand } from '../node/node-kubelet-command.js';

export const nodeStopCommand = nodeKubeletCommand({
  verb: 'stop',
  short: "Stops a node's kubelet",
  long: "Stops a node's kubelet process (as systemctl stop kubelet on that node). Its containers keep running, as when a real kubelet stops.",
  async act(control, { cluster, node }) {
    await control.stop(cluster, node);
    return `Stopped the kubelet of node "${node.name}"; its containers keep running`;
  },
});
