/**
 * [mark-control-plane]: once the control-plane node has registered, its labels
 * node-role.kubernetes.io/control-plane and node.kubernetes.io/exclude-from-external-load-balancers
 * and the taint node-role.kubernetes.io/control-plane:NoSchedule, applied as kubernetes-admin
 * (kubeadm's phases/markcontrolplane).
 */
import { ApiError, type Node, type Taint } from '@kubelab/api';
import type { RestClient } from '@kubelab/api/client';
import { adminClient } from '../admin-client.js';
import { waitFor } from '../health-check.js';
import { controlPlaneOf, credentialsOf, recordOf, type Phase } from './create-context.js';

export const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node.kubernetes.io/exclude-from-external-load-balancers'];
export const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

async function getNode(client: RestClient, name: string): Promise<Node | undefined> {
  try {
    return await client.request<Node>({ method: 'GET', path: `/api/v1/nodes/${name}` });
  } catch (err) {
    if (err instanceof ApiError && err.code === 404) return undefined;
    throw err;
  }
}

/** The merge patch adding the labels and the taint (kept once) to the node. */
export function markPatch(node: Node): Record<string, unknown> {
  const taints = node.spec?.taints ?? [];
  const has = taints.some((t) => t.key === CONTROL_PLANE_TAINT.key && t.effect === CONTROL_PLANE_TAINT.effect);
  return {
    metadata: { labels: Object.fromEntries(CONTROL_PLANE_LABELS.map((l) => [l, ''])) },
    spec: { taints: has ? taints : [...taints, CONTROL_PLANE_TAINT] },
  };
}

export const markControlPlanePhase: Phase = {
  name: 'mark-control-plane',
  title: 'Marking the control-plane node',
  async run(ctx) {
    const cp = controlPlaneOf(ctx);
    const creds = credentialsOf(ctx);
    ctx.progress.line(`[mark-control-plane] Marking the node ${cp.name} as control-plane by adding the labels: [${CONTROL_PLANE_LABELS.join(' ')}]`);
    ctx.progress.line(`[mark-control-plane] Marking the node ${cp.name} as control-plane by adding the taints [${CONTROL_PLANE_TAINT.key}:${CONTROL_PLANE_TAINT.effect}]`);
    const client = adminClient(recordOf(ctx), creds.ca.certPem, creds.admin.token);
    try {
      let node: Node | undefined;
      await waitFor(async () => (node = await getNode(client, cp.name)) !== undefined, {
        clock: ctx.clock,
        timeoutMs: 240_000,
        intervalMs: 50,
        signal: ctx.signal,
        what: `node "${cp.name}" to register`,
      });
      if (!node) throw new Error(`node "${cp.name}" not found`);
      await client.request({
        method: 'PATCH',
        path: `/api/v1/nodes/${cp.name}`,
        body: markPatch(node),
        contentType: 'application/merge-patch+json',
      });
    } finally {
      client.close();
    }
  },
};
