/**
 * [kubeconfig]: admin.conf, super-admin.conf, kubelet.conf, controller-manager.conf and
 * scheduler.conf in the control-plane node's /etc/kubernetes (0600), and each worker's
 * kubelet.conf (what its `kubeadm join` TLS bootstrap would leave). All point at the
 * apiserver on this machine's loopback.
 */
import { NODE_PATHS } from '../layout.js';
import { apiServerUrl, componentKubeconfig } from '../kubeconfigs.js';
import { writeNodeFile } from '../node-files.js';
import type { TokenIdentity } from '../pki/cluster-credentials.js';
import { controlPlaneOf, credentialsOf, recordOf, workersOf, type Phase } from './create-context.js';

export const kubeconfigPhase: Phase = {
  name: 'kubeconfig',
  title: 'Writing kubeconfig files',
  async run(ctx) {
    const record = recordOf(ctx);
    const creds = credentialsOf(ctx);
    const cp = controlPlaneOf(ctx);
    const server = apiServerUrl(record.apiServer.port, record.apiServer.host);
    const nodeIdentity = (name: string): TokenIdentity => {
      const id = creds.nodes.get(name);
      if (!id) throw new Error(`internal error: no credentials for node ${name}`);
      return id;
    };
    const files: [string, TokenIdentity][] = [
      [NODE_PATHS.adminConf, creds.admin],
      ['/etc/kubernetes/super-admin.conf', creds.superAdmin],
      [NODE_PATHS.kubeletConf, nodeIdentity(cp.name)],
      [NODE_PATHS.controllerManagerConf, creds.controllerManager],
      [NODE_PATHS.schedulerConf, creds.scheduler],
    ];
    ctx.progress.line('[kubeconfig] Using kubeconfig folder "/etc/kubernetes"');
    for (const [path] of files) ctx.progress.line(`[kubeconfig] Writing "${path.slice('/etc/kubernetes/'.length)}" kubeconfig file`);
    const workers = workersOf(ctx);
    for (const w of workers) ctx.progress.line(`[kubeconfig] Writing "kubelet.conf" kubeconfig file for node "${w.name}"`);
    await Promise.all([
      ...files.map(([path, id]) => writeNodeFile(cp.root, path, componentKubeconfig(server, creds.ca.certPem, id), 0o600)),
      ...workers.map((w) => writeNodeFile(w.root, NODE_PATHS.kubeletConf, componentKubeconfig(server, creds.ca.certPem, nodeIdentity(w.name)), 0o600)),
    ]);
  },
};
