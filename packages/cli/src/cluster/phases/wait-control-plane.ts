/**
 * [wait-control-plane]: the kubelets' healthz, then the control-plane components' health
 * endpoints (the apiserver's /livez on its advertise address, verified against the cluster CA;
 * the scheduler's and controller-manager's on loopback), with kubeadm's lines and 4m timeout.
 * A kubelet that exits meanwhile ends the wait at once, with the end of its log.
 */
import { formatGoDuration } from '../go-duration.js';
import { probeHealth, waitFor, type HealthTarget } from '../health-check.js';
import type { NodeRecord } from '../layout.js';
import { CONTROL_PLANE_TIMEOUT_SECONDS } from '../manifests/static-pod.js';
import { controlPlaneOf, credentialsOf, recordOf, workersOf, type CreateContext, type Phase } from './create-context.js';
import { kubeletLogTail } from './kubelet-log-tail.js';

const TIMEOUT_MS = CONTROL_PLANE_TIMEOUT_SECONDS * 1000;

function kubeletGone(ctx: CreateContext, node: NodeRecord): () => Promise<string | undefined> {
  return async () => {
    const st = await ctx.kubelets.status(recordOf(ctx), node);
    if (st.running) return undefined;
    return `the kubelet of node "${node.name}" is not running; the end of its log (${node.root}/var/log/kubelet.log): ${await kubeletLogTail(node)}`;
  };
}

async function waitKubelet(ctx: CreateContext, node: NodeRecord): Promise<number> {
  const url = `http://127.0.0.1:${node.healthzPort}/healthz`;
  return waitFor(() => probeHealth({ url }), {
    clock: ctx.clock,
    timeoutMs: TIMEOUT_MS,
    intervalMs: 50,
    signal: ctx.signal,
    giveUp: kubeletGone(ctx, node),
    what: `the kubelet of node "${node.name}" at ${url}`,
  });
}

export const waitControlPlanePhase: Phase = {
  name: 'wait-control-plane',
  title: 'Waiting for the control plane',
  async run(ctx) {
    const record = recordOf(ctx);
    const cp = controlPlaneOf(ctx);
    const p = ctx.progress;
    const timeout = formatGoDuration(TIMEOUT_MS);
    p.line(`[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "${cp.staticPodPath}"`);
    p.line(`[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:${cp.healthzPort}/healthz. This can take up to ${timeout}`);
    const workers = workersOf(ctx).map((w) => waitKubelet(ctx, w).then((ms) => ({ w, ms })));
    // Handled below; keep an early rejection from being reported as unhandled meanwhile.
    for (const w of workers) w.catch(() => undefined);
    p.line(`[kubelet-check] The kubelet is healthy after ${formatGoDuration(await waitKubelet(ctx, cp))}`);

    const ports = record.componentPorts;
    if (!ports) throw new Error('internal error: component ports not decided');
    const components: [string, HealthTarget][] = [
      ['kube-apiserver', { url: `https://${record.apiServer.advertiseAddress}:${record.apiServer.port}/livez`, ca: credentialsOf(ctx).ca.certPem }],
      ['kube-controller-manager', { url: `https://127.0.0.1:${ports.kubeControllerManager}/healthz` }],
      ['kube-scheduler', { url: `https://127.0.0.1:${ports.kubeScheduler}/livez` }],
    ];
    p.line(`[control-plane-check] Waiting for healthy control plane components. This can take up to ${timeout}`);
    for (const [name, t] of components) p.line(`[control-plane-check] Checking ${name} at ${t.url}`);
    const giveUp = kubeletGone(ctx, cp);
    await Promise.all(
      components.map(async ([name, target]) => {
        const ms = await waitFor(() => probeHealth(target), { clock: ctx.clock, timeoutMs: TIMEOUT_MS, intervalMs: 50, signal: ctx.signal, giveUp, what: `${name} at ${target.url}` });
        p.line(`[control-plane-check] ${name} is healthy after ${formatGoDuration(ms)}`);
      }),
    );
    for (const { w, ms } of await Promise.all(workers)) {
      p.line(`[kubelet-check] The kubelet of node "${w.name}" is healthy after ${formatGoDuration(ms)}`);
    }
  },
};
