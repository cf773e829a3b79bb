/**
 * Control of a node's kubelet process (what `systemctl start|stop|restart kubelet` and
 * `kubelab node start|stop|restart` do): started detached from the CLI, logging to the node's
 * /var/log/kubelet.log, its PID in /var/run/kubelet.pid of the node root. The containers keep
 * running when it stops, as with a real kubelet.
 */
import type { ClusterRecord, NodeRecord } from './layout.js';

export interface KubeletProcessStatus {
  running: boolean;
  pid: number | undefined;
  /** When the process started (from /proc), if running. */
  since: Date | undefined;
  /** The command line, as `ps` and `systemctl status` show it. */
  commandLine: string[];
}

export interface KubeletProcessControl {
  start(cluster: ClusterRecord, node: NodeRecord): Promise<KubeletProcessStatus>;
  stop(cluster: ClusterRecord, node: NodeRecord): Promise<void>;
  restart(cluster: ClusterRecord, node: NodeRecord): Promise<KubeletProcessStatus>;
  status(cluster: ClusterRecord, node: NodeRecord): Promise<KubeletProcessStatus>;
}
