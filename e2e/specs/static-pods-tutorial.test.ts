/**
 * The founding tutorial, step by step, on a kubelab cluster: the control plane's mirror pods;
 * finding staticPodPath through the kubelet's unit and config; a logging agent as a static pod
 * on every worker, seen with crictl and docker on the node and as mirror pods in the API; its
 * mirror pod deleted, its container removed, its manifest edited and finally removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eCluster } from '../helpers/cluster.js';
import { createE2eCluster } from '../helpers/cluster.js';
import { waitFor } from '../helpers/wait-for.js';

let c: E2eCluster;

const agent = (version: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: logging-agent
  labels:
    app: logging-agent
spec:
  containers:
  - name: agent
    image: busybox:1.36
    command: ["sh", "-c", "trap 'exit 0' TERM; echo agent ${version} started; while true; do sleep 2; done"]
`;

beforeAll(async () => {
  c = await createE2eCluster('tut', { workers: 2 });
});
afterAll(async () => {
  await c?.delete();
});

async function mirrorUid(name: string): Promise<string | undefined> {
  const r = await c.kubectl(['get', 'pod', name, '-o', 'jsonpath={.metadata.uid}']);
  return r.code === 0 && r.stdout ? r.stdout : undefined;
}

describe('static pods, the tutorial', () => {
  it('shows the control plane as mirror pods named after the node, controlled by the Node', async () => {
    const r = await c.kubectl(['get', 'pods', '-n', 'kube-system', '-o', 'name']);
    for (const component of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      expect(r.stdout).toContain(`pod/${component}-${c.controlPlane}`);
    }
    const d = await c.kubectl(['describe', 'pod', '-n', 'kube-system', `kube-apiserver-${c.controlPlane}`]);
    expect(d.stdout).toMatch(new RegExp(`^Controlled By:\\s+Node/${c.controlPlane}$`, 'm'));
    expect(d.stdout).toMatch(/^Priority Class Name:\s+system-node-critical$/m);
    expect(d.stdout).toMatch(/^\s+kubernetes\.io\/config\.source: file$/m);
  });

  it('finds staticPodPath through the kubelet unit and its config file', async () => {
    const unit = await c.onNode(c.workers[0] ?? '', 'systemctl cat kubelet');
    expect(unit.code).toBe(0);
    expect(unit.stdout).toContain('--config=/var/lib/kubelet/config.yaml');
    const cfg = await c.onNode(c.workers[0] ?? '', 'grep staticPodPath /var/lib/kubelet/config.yaml');
    expect(cfg.stdout.trim()).toBe('staticPodPath: /etc/kubernetes/manifests');
    const host = await c.onNode(c.workers[0] ?? '', 'hostname');
    expect(host.stdout.trim()).toBe(c.workers[0]);
  });

  it('runs a logging agent written on every worker, seen on the node and in the API', async () => {
    for (const w of c.workers) {
      const r = await c.onNode(w, 'cat > /etc/kubernetes/manifests/logging-agent.yaml && ls /etc/kubernetes/manifests', agent('v1'));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('logging-agent.yaml');
    }
    for (const w of c.workers) {
      await waitFor(`logging-agent running on ${w}`, async () => {
        const r = await c.onNode(w, 'crictl ps --name agent');
        return r.stdout.includes(' Running ') && r.stdout.includes(`logging-agent-${w}`) ? r : undefined;
      });
      const header = (await c.onNode(w, 'crictl ps')).stdout.split('\n')[0] ?? '';
      expect(header.split(/\s{2,}/)).toEqual(expect.arrayContaining(['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID']));
      const docker = await c.onNode(w, 'docker ps --format "{{.Names}}"');
      const names = docker.stdout.split('\n').filter(Boolean);
      expect(names.some((n) => n.startsWith(`k8s_agent_logging-agent-${w}_default_`))).toBe(true);
      // Only this node's containers.
      expect(names.every((n) => n.includes(w))).toBe(true);
    }
    const all = await waitFor('both mirror pods Running', async () => {
      const r = await c.kubectl(['get', 'pods', '-A', '-o', 'custom-columns=NAME:.metadata.name,STATUS:.status.phase', '--no-headers']);
      const lines = r.stdout.split('\n').filter((l) => l.startsWith('logging-agent-'));
      return lines.length === c.workers.length && lines.every((l) => l.endsWith('Running')) ? lines : undefined;
    });
    expect(all.map((l) => l.split(/\s+/)[0]).sort()).toEqual(c.workers.map((w) => `logging-agent-${w}`).sort());
  });

  it('recreates a deleted mirror pod without restarting the agent', async () => {
    const w = c.workers[0] ?? '';
    const name = `logging-agent-${w}`;
    const before = await mirrorUid(name);
    const ids = (await c.onNode(w, 'crictl ps -q --name agent')).stdout.trim();
    expect((await c.kubectl(['delete', 'pod', name])).code).toBe(0);
    await waitFor('a new mirror pod', async () => {
      const uid = await mirrorUid(name);
      return uid && uid !== before ? uid : undefined;
    });
    expect((await c.onNode(w, 'crictl ps -q --name agent')).stdout.trim()).toBe(ids);
  });

  it('restarts the agent container when it is removed on the node', async () => {
    const w = c.workers[0] ?? '';
    const id = (await c.onNode(w, 'crictl ps -q --name agent')).stdout.trim();
    expect((await c.onNode(w, `crictl rm -f ${id}`)).code).toBe(0);
    await waitFor('a new agent container', async () => {
      const r = await c.onNode(w, 'crictl ps --name agent');
      const row = r.stdout.split('\n').find((l) => l.includes(' Running '));
      return row && !row.startsWith(id.slice(0, 13)) ? row : undefined;
    });
  });

  it('replaces the agent when its manifest is edited', async () => {
    const w = c.workers[1] ?? '';
    const name = `logging-agent-${w}`;
    const hash = (await c.kubectl(['get', 'pod', name, '-o', "jsonpath={.metadata.annotations['kubernetes\\.io/config\\.hash']}"])).stdout;
    expect((await c.onNode(w, "sed -i 's/agent v1 started/agent v2 started/' /etc/kubernetes/manifests/logging-agent.yaml")).code).toBe(0);
    await waitFor('the edited agent running', async () => {
      const r = await c.kubectl(['get', 'pod', name, '-o', "jsonpath={.metadata.annotations['kubernetes\\.io/config\\.hash']} {.status.phase}"]);
      const [h, phase] = r.stdout.split(' ');
      return h && h !== hash && phase === 'Running' ? r : undefined;
    });
    await waitFor('the new log line', async () => ((await c.kubectl(['logs', name])).stdout.includes('agent v2 started') ? true : undefined));
  });

  it('stops the agent and removes its mirror pod when the manifest is removed', async () => {
    for (const w of c.workers) expect((await c.onNode(w, 'rm /etc/kubernetes/manifests/logging-agent.yaml')).code).toBe(0);
    await waitFor('no logging-agent mirror pods', async () => {
      const r = await c.kubectl(['get', 'pods', '-A', '-o', 'name']);
      return r.stdout.includes('logging-agent') ? undefined : true;
    });
    for (const w of c.workers) {
      await waitFor(`no agent running on ${w}`, async () => ((await c.onNode(w, 'crictl ps -q --name agent')).stdout.trim() === '' ? true : undefined));
    }
  });
});
