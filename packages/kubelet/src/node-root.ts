/**
 * A node's own filesystem view: every node-view path (/etc/kubernetes/manifests,
 * /var/log/pods, hostPath volumes) lives under the node root directory on the host.
 */
import { isAbsolute, join, normalize } from 'node:path';

export class NodeRoot {
  /** @param root host directory standing for the node's `/`; '' or '/' means the host itself. */
  constructor(readonly root: string) {}

  /** The host path of a node-view path. */
  hostPath(nodePath: string): string {
    if (!isAbsolute(nodePath)) throw new Error(`path ${JSON.stringify(nodePath)} is not absolute`);
    const clean = normalize(nodePath);
    if (!this.root || this.root === '/') return clean;
    return join(this.root, clean);
  }
}
