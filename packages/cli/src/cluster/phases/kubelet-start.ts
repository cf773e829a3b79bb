/**
 * [kubelet-start]: each node's /var/lib/kubelet/config.yaml and kubeadm-flags.env, its static
 * pod directory, and its kubelet process, started detached (all nodes at once: the control
 * plane's kubelet boots the control plane from its manifests while the workers' kubelets wait
 * for the apiserver).
 */
import { kubeletArgs } from '../kubelet-process.js';
import { kubeletConfigYaml } from '../kubelet-config.js';
import { NODE_PATHS, type ClusterRecord, type NodeRecord } from '../layout.js';
import { makeNodeDir, writeNodeFile } from '../node-files.js';
import { recordOf, workersOf, type CreateContext, type Phase } from './create-context.js';

export const KUBEADM_FLAGS_ENV = '/var/lib/kubelet/kubeadm-flags.env';

/** kubeadm-flags.env: the flags of the node's kubelet beyond --config and --kubeconfig. */
export function kubeadmFlagsEnv(cluster: ClusterRecord, node: NodeRecord): string {
  const flags = kubeletArgs(cluster, node).filter((f) => !f.startsWith('--config=') && !f.startsWith('--kubeconfig='));
  return `KUBELET_KUBEADM_ARGS="${flags.join(' ')}"\n`;
}

async function prepareNode(ctx: CreateContext, node: NodeRecord): Promise<void> {
  const record = recordOf(ctx);
  const config = ctx.kubeletConfigs?.get(node.name);
  if (!config) throw new Error(`internal error: no kubelet configuration for node ${node.name}`);
  await Promise.all([
    writeNodeFile(node.root, NODE_PATHS.kubeletConfig, kubeletConfigYaml(config), 0o644),
    writeNodeFile(node.root, KUBEADM_FLAGS_ENV, kubeadmFlagsEnv(record, node), 0o644),
    node.staticPodPath ? makeNodeDir(node.root, node.staticPodPath, 0o700) : Promise.resolve(),
    makeNodeDir(node.root, NODE_PATHS.podLogs),
    makeNodeDir(node.root, '/var/run'),
  ]);
}

export const kubeletStartPhase: Phase = {
  name: 'kubelet-start',
  title: 'Starting the kubelets',
  async run(ctx) {
    const record = recordOf(ctx);
    ctx.progress.line(`[kubelet-start] Writing kubelet environment file with flags to file "${KUBEADM_FLAGS_ENV}"`);
    ctx.progress.line(`[kubelet-start] Writing kubelet configuration to file "${NODE_PATHS.kubeletConfig}"`);
    await Promise.all(record.nodes.map((n) => prepareNode(ctx, n)));
    ctx.progress.line('[kubelet-start] Starting the kubelet');
    const workers = workersOf(ctx);
    if (workers.length > 0) ctx.progress.line(`[kubelet-start] Starting the kubelet on the workers: [${workers.map((w) => w.name).join(' ')}]`);
    await Promise.all(record.nodes.map((n) => ctx.kubelets.start(record, n)));
  },
};
