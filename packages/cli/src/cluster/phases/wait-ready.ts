/**
 * --wait: until every node is Ready and every control-plane mirror pod is Running (kind's
 * waitforready, extended to all nodes and the static pods). On timeout the error says what is
 * still missing.
 */
import type { Node, Pod } from '@kubelab/api';
import type { RestClient } from '@kubelab/api/client';
import { adminClient } from '../admin-client.js';
import { formatGoDuration } from '../go-duration.js';
import { waitFor } from '../health-check.js';
import { CONTROL_PLANE_COMPONENTS } from '../manifests/control-plane-options.js';
import { controlPlaneOf, credentialsOf, recordOf, type Phase } from './create-context.js';

export interface Readiness {
  ready: boolean;
  /** What is not there yet, e.g. `node lab-worker not Ready`. */
  missing: string[];
}

/** Pure: the nodes and mirror pods expected, against what the API lists. */
export function readiness(expectedNodes: string[], expectedPods: string[], nodes: Node[], pods: Pod[]): Readiness {
  const missing: string[] = [];
  for (const name of expectedNodes) {
    const node = nodes.find((n) => n.metadata?.name === name);
    const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    if (!ready) missing.push(node ? `node ${name} not Ready` : `node ${name} not registered`);
  }
  for (const name of expectedPods) {
    const phase = pods.find((p) => p.metadata?.name === name)?.status?.phase;
    if (phase !== 'Running') missing.push(phase ? `pod kube-system/${name} ${phase}` : `pod kube-system/${name} not created`);
  }
  return { ready: missing.length === 0, missing };
}

async function observe(client: RestClient, nodes: string[], pods: string[]): Promise<Readiness> {
  try {
    const [n, p] = await Promise.all([
      client.request<{ items: Node[] }>({ method: 'GET', path: '/api/v1/nodes' }),
      client.request<{ items: Pod[] }>({ method: 'GET', path: '/api/v1/namespaces/kube-system/pods' }),
    ]);
    return readiness(nodes, pods, n.items, p.items);
  } catch (err) {
    return { ready: false, missing: [`the API server did not answer: ${(err as Error).message}`] };
  }
}

export const waitReadyPhase: Phase = {
  name: 'wait',
  title: 'Waiting for the nodes to be Ready',
  async run(ctx) {
    const record = recordOf(ctx);
    const creds = credentialsOf(ctx);
    const cp = controlPlaneOf(ctx);
    const nodes = record.nodes.map((n) => n.name);
    const pods = CONTROL_PLANE_COMPONENTS.map((c) => `${c}-${cp.name}`);
    ctx.progress.line(`[wait] Waiting ≤ ${formatGoDuration(ctx.waitMs)} for every node to be Ready and every control-plane pod to be Running`);
    const client = adminClient(record, creds.ca.certPem, creds.admin.token);
    let last: Readiness = { ready: false, missing: [] };
    try {
      const ms = await waitFor(async () => (last = await observe(client, nodes, pods)).ready, {
        clock: ctx.clock,
        timeoutMs: ctx.waitMs,
        intervalMs: 100,
        signal: ctx.signal,
        what: 'the cluster to be ready',
      }).catch((err: unknown) => {
        throw new Error(`${(err as Error).message}: ${last.missing.join(', ')}`);
      });
      ctx.progress.line(`[wait] Ready after ${formatGoDuration(ms)}`);
    } finally {
      client.close();
    }
  },
};
