/**
 * Breaking the control plane on purpose: the kube-apiserver manifest moved out of the manifest
 * directory and back, and its container killed. Static pods keep running and restarting, a
 * static pod is created during the outage, a kubelet is restarted during it, and everything is
 * reconciled once the API server is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eCluster } from '../helpers/cluster.js';
import { createE2eCluster } from '../helpers/cluster.js';
import { waitFor } from '../helpers/wait-for.js';

let c: E2eCluster;

const staticPod = (name: string, script: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "${script}"]
`;

async function apiUp(): Promise<boolean> {
  return (await c.kubectl(['get', '--raw', '/readyz', '--request-timeout=2s'])).stdout === 'ok';
}

async function attempts(node: string, container: string): Promise<number[]> {
  const r = await c.onNode(node, `crictl ps -a --name ${container}`);
  return r.stdout
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => Number(l.split(/\s{2,}/)[5]))
    .filter((n) => !Number.isNaN(n));
}

beforeAll(async () => {
  c = await createE2eCluster('outage', { workers: 1 });
  const w = c.workers[0] ?? '';
  await c.onNode(w, 'cat > /etc/kubernetes/manifests/steady.yaml', staticPod('steady', "trap 'exit 0' TERM; while true; do sleep 1; done"));
  await c.onNode(w, 'cat > /etc/kubernetes/manifests/flaky.yaml', staticPod('flaky', 'echo flaky; sleep 1; exit 1'));
  await waitFor('both mirror pods, steady Running', async () => {
    const r = await c.kubectl(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,PHASE:.status.phase', '--no-headers']);
    return r.stdout.includes(`flaky-${w}`) && new RegExp(`^steady-${w}\\s+Running$`, 'm').test(r.stdout) ? true : undefined;
  });
});
afterAll(async () => {
  await c?.delete();
});

describe('API server outage', () => {
  it('stops the API server when its manifest leaves the manifest directory', async () => {
    const mv = await c.onNode(c.controlPlane, 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/');
    expect(mv.code).toBe(0);
    await waitFor('the API server gone', async () => !(await apiUp()), { timeoutMs: 60_000 });
    const r = await c.kubectl(['get', 'pods', '--request-timeout=2s']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/connection refused|was refused/);
  });

  it('keeps static pods running and restarting, and starts a new one, without the API server', async () => {
    const w = c.workers[0] ?? '';
    const steady = (await c.onNode(w, 'crictl ps -q --name main')).stdout.trim();
    expect(steady).not.toBe('');
    const before = Math.max(0, ...(await attempts(w, 'main')));
    await waitFor('flaky restarted during the outage', async () => Math.max(...(await attempts(w, 'main'))) > before, { timeoutMs: 60_000 });
    await c.onNode(w, 'cat > /etc/kubernetes/manifests/late.yaml', staticPod('late', "trap 'exit 0' TERM; echo late; while true; do sleep 1; done"));
    await waitFor('the late pod running', async () => ((await c.onNode(w, 'crictl pods --name late')).stdout.includes('Ready') ? true : undefined));
  });

  it('adopts every container after a kubelet restart during the outage', async () => {
    const w = c.workers[0] ?? '';
    const running = async (): Promise<string[]> => (await c.onNode(w, 'crictl ps -q')).stdout.split('\n').filter(Boolean).sort();
    const before = await running();
    const r = await c.kubelab(['node', 'restart', w]);
    expect(r.code).toBe(0);
    const status = await c.onNode(w, 'systemctl is-active kubelet');
    expect(status.stdout.trim()).toBe('active');
    // Healthy containers keep running under the new kubelet, none duplicated.
    const after = await waitFor('the restarted kubelet settled', async () => {
      const ids = await running();
      const steadyAndLate = before.filter((id) => !ids.includes(id));
      return steadyAndLate.length <= 1 ? ids : undefined; // only the flaky container may have been replaced meanwhile
    });
    const journal = await c.onNode(w, 'journalctl -u kubelet --no-pager -n 200');
    expect(journal.stdout).toContain('Starting kubelet');
    expect(after.length).toBeGreaterThanOrEqual(before.length - 1);
  });

  it('brings the API server back with its manifest and reconciles mirror pods and statuses', async () => {
    const w = c.workers[0] ?? '';
    expect((await c.onNode(c.controlPlane, 'mv /etc/kubernetes/kube-apiserver.yaml /etc/kubernetes/manifests/')).code).toBe(0);
    await waitFor('the API server back', apiUp, { timeoutMs: 90_000 });
    await waitFor('the late mirror pod Running', async () => ((await c.kubectl(['get', 'pod', `late-${w}`, '-o', 'jsonpath={.status.phase}'])).stdout === 'Running' ? true : undefined));
    const restarts = Math.max(...(await attempts(w, 'main')));
    await waitFor('flaky restart count reconciled', async () => {
      const r = await c.kubectl(['get', 'pod', `flaky-${w}`, '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']);
      return Number(r.stdout) >= restarts - 1 ? true : undefined;
    });
    expect((await c.kubectl(['logs', `late-${w}`])).stdout).toBe('late\n');
    await waitFor('every node Ready', async () => {
      const r = await c.kubectl(['get', 'nodes', '--no-headers']);
      const lines = r.stdout.split('\n').filter(Boolean);
      return lines.length === 2 && lines.every((l) => / Ready /.test(l)) ? true : undefined;
    });
  });

  it('restarts the API server container when it is killed', async () => {
    const id = (await c.onNode(c.controlPlane, 'crictl ps -q --name kube-apiserver')).stdout.trim();
    expect(id).not.toBe('');
    expect((await c.onNode(c.controlPlane, `docker kill ${id}`)).code).toBe(0);
    await waitFor('a new kube-apiserver container', async () => {
      const now = (await c.onNode(c.controlPlane, 'crictl ps -q --name kube-apiserver')).stdout.trim();
      return now && now !== id ? now : undefined;
    }, { timeoutMs: 60_000 });
    await waitFor('the API server answering again', apiUp, { timeoutMs: 60_000 });
    const pods = await c.kubectl(['get', 'pods', '-A', '-o', 'name']);
    expect(pods.stdout).toContain(`pod/kube-apiserver-${c.controlPlane}`);
  });
});
