/**
 * The whole stack through the CLI: a 1-worker cluster created with --wait, seen by the real
 * kubectl (Ready nodes, the control-plane mirror pods, a Deployment scheduled onto the worker),
 * its files where kubeadm puts them, a second cluster beside it, and deletion leaving nothing.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Node, Pod } from '@kubelab/api';
import { APISERVER_ENV, APISERVER_NODE_FLAGS } from '@kubelab/apiserver';
import { waitFor } from '../../kubelet/test/harness/wait-for.js';
import { readClusterRecord } from '../src/cluster/cluster-store.js';
import { clusterDir, type ClusterRecord } from '../src/cluster/layout.js';
import { createClusterHarness, type ClusterHarness } from './cluster-harness.js';

let h: ClusterHarness;
let name: string;
let record: ClusterRecord;
let createOutput: string;

const cp = (): string => `${name}-control-plane`;
const worker = (): string => `${name}-worker`;
const root = (node: string): string => join(clusterDir(name, h.env), 'nodes', node);

async function json<T>(cluster: string, args: string[]): Promise<T> {
  const r = await h.kubectl(cluster, [...args, '-o', 'json']);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  h = await createClusterHarness('kle2e');
  name = h.name('a');
  const r = await h.kubelab(['create', 'cluster', '--name', name, '--workers', '1', '--wait', '2m']);
  createOutput = r.stdout;
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code, r.stdout).toBe(0);
  record = (await readClusterRecord(name, h.env)) as ClusterRecord;
});

afterAll(async () => {
  await h?.cleanup();
});

describe('kubelab create cluster', () => {
  it("prints kubeadm's phases in kubeadm's order, then how to use the cluster", () => {
    const lines = [
      '[preflight] Running pre-flight checks',
      '[certs] Generating "ca" certificate and key',
      '[certs] Generating "apiserver" certificate and key',
      '[kubeconfig] Writing "admin.conf" kubeconfig file',
      '[control-plane] Using manifest folder "/etc/kubernetes/manifests"',
      '[control-plane] Creating static Pod manifest for "kube-apiserver"',
      '[control-plane] Creating static Pod manifest for "kube-controller-manager"',
      '[control-plane] Creating static Pod manifest for "kube-scheduler"',
      '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
      '[kubelet-start] Starting the kubelet',
      '[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests"',
      '[kubelet-check] The kubelet is healthy after',
      `[mark-control-plane] Marking the node ${cp()} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]`,
      `kubectl cluster-info --context kubelab-${name}`,
    ];
    let at = 0;
    for (const line of lines) {
      const i = createOutput.indexOf(line, at);
      expect(i, line).toBeGreaterThanOrEqual(0);
      at = i;
    }
    expect(createOutput).toMatch(/\[control-plane-check\] kube-apiserver is healthy after \d/);
  });

  it('makes two Ready nodes, the control plane labelled and tainted as kubeadm does', async () => {
    const nodes = await json<{ items: Node[] }>(name, ['get', 'nodes']);
    expect(nodes.items.map((n) => n.metadata?.name).sort()).toEqual([cp(), worker()]);
    for (const n of nodes.items) expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const control = nodes.items.find((n) => n.metadata?.name === cp());
    expect(control?.metadata?.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' });
    expect(control?.spec?.taints).toContainEqual({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    expect(control?.status?.addresses).toContainEqual({ type: 'InternalIP', address: record.network.gateway });
  });

  it('runs the control plane as static pods whose mirror pods belong to the node', async () => {
    const pods = await json<{ items: Pod[] }>(name, ['get', 'pods', '-n', 'kube-system']);
    const expected = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `${c}-${cp()}`);
    for (const podName of expected) {
      const pod = pods.items.find((p) => p.metadata?.name === podName);
      expect(pod?.status?.phase, podName).toBe('Running');
      expect(pod?.metadata?.annotations?.['kubernetes.io/config.source']).toBe('file');
    }
    const described = await h.kubectl(name, ['describe', 'pod', '-n', 'kube-system', `kube-scheduler-${cp()}`]);
    expect(described.stdout).toMatch(new RegExp(`Controlled By:\\s+Node/${cp()}`));
    expect(described.stdout).toContain(`Image:         kubelab/kube-scheduler:${record.version}`);
  });

  it('runs kube-apiserver with its runtime settings: one malloc arena, 16 MB semi-spaces', async () => {
    const image = await new Dockerode().getImage(`kubelab/kube-apiserver:${record.version}`).inspect();
    for (const [k, v] of Object.entries(APISERVER_ENV)) expect(image.Config.Env).toContain(`${k}=${v}`);
    const containers = await new Dockerode().listContainers({
      filters: { label: [`io.kubernetes.pod.name=kube-apiserver-${cp()}`, 'io.kubernetes.container.name=kube-apiserver'] },
    });
    expect(containers).toHaveLength(1);
    const top = await new Dockerode().getContainer((containers[0] as { Id: string }).Id).top({ ps_args: '-o pid,args' });
    const pid = Number((top.Processes?.[0] as string[])[0]);
    const environ = (await readFile(`/proc/${pid}/environ`, 'latin1')).split('\0');
    for (const [k, v] of Object.entries(APISERVER_ENV)) expect(environ).toContain(`${k}=${v}`);
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'latin1')).split('\0');
    for (const flag of APISERVER_NODE_FLAGS) expect(cmdline).toContain(flag);
  });

  it("writes the control plane's files where kubeadm does, with kubeadm's modes", async () => {
    const cpRoot = root(cp());
    const mode = async (p: string): Promise<number> => (await stat(join(cpRoot, p))).mode & 0o777;
    expect(await mode('etc/kubernetes/manifests')).toBe(0o700);
    for (const f of ['kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml']) expect(await mode(`etc/kubernetes/manifests/${f}`)).toBe(0o600);
    for (const f of ['ca.crt', 'apiserver.crt', 'apiserver-kubelet-client.crt', 'sa.pub']) expect(await mode(`etc/kubernetes/pki/${f}`)).toBe(0o644);
    for (const f of ['ca.key', 'apiserver.key', 'apiserver-kubelet-client.key', 'sa.key', 'tokens.csv']) expect(await mode(`etc/kubernetes/pki/${f}`)).toBe(0o600);
    for (const f of ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'scheduler.conf', 'controller-manager.conf']) expect(await mode(`etc/kubernetes/${f}`)).toBe(0o600);
    const apiserver = parse(await readFile(join(cpRoot, 'etc/kubernetes/manifests/kube-apiserver.yaml'), 'utf8')) as Pod;
    expect(apiserver.metadata?.labels).toEqual({ component: 'kube-apiserver', tier: 'control-plane' });
    expect(apiserver.spec?.containers[0]?.command).toContain(`--secure-port=${record.apiServer.port}`);
    const config = parse(await readFile(join(cpRoot, 'var/lib/kubelet/config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ kind: 'KubeletConfiguration', staticPodPath: '/etc/kubernetes/manifests', port: record.nodes[0]?.kubeletPort });
    expect(await readFile(join(cpRoot, 'var/lib/kubelet/kubeadm-flags.env'), 'utf8')).toContain(`--hostname-override=${cp()}`);
    expect(existsSync(join(cpRoot, 'var/log/kubelet.log'))).toBe(true);
    expect(Number(await readFile(join(cpRoot, 'var/run/kubelet.pid'), 'utf8'))).toBeGreaterThan(0);
    const workerRoot = root(worker());
    expect(existsSync(join(workerRoot, 'etc/kubernetes/pki/ca.crt'))).toBe(true);
    expect(existsSync(join(workerRoot, 'etc/kubernetes/pki/ca.key'))).toBe(false);
    expect(existsSync(join(workerRoot, 'etc/kubernetes/kubelet.conf'))).toBe(true);
    expect(existsSync(join(workerRoot, 'etc/kubernetes/admin.conf'))).toBe(false);
  });

  it('schedules a Deployment onto the worker, where it runs', async () => {
    const created = await h.kubectl(name, ['create', 'deployment', 'sleeper', '--image=busybox:1.36', '--', 'sleep', '3600']);
    expect(created.stderr).toBe('');
    const pod = await waitFor(
      'the sleeper pod to run',
      async () => {
        const pods = await json<{ items: Pod[] }>(name, ['get', 'pods', '-l', 'app=sleeper']);
        return pods.items.find((p) => p.status?.phase === 'Running');
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(pod.spec?.nodeName).toBe(worker());
  });

  it('lists the cluster, its nodes and a kubeconfig that works from here', async () => {
    expect((await h.kubelab(['get', 'clusters'])).stdout.split('\n')).toContain(name);
    expect((await h.kubelab(['get', 'nodes', '--name', name])).stdout).toBe(`${cp()}\n${worker()}\n`);
    const kc = parse((await h.kubelab(['get', 'kubeconfig', '--name', name])).stdout) as { 'current-context': string; clusters: { cluster: { server: string } }[] };
    expect(kc['current-context']).toBe(`kubelab-${name}`);
    expect(kc.clusters[0]?.cluster.server).toBe(`https://127.0.0.1:${record.apiServer.port}`);
    const merged = parse(await readFile(h.env.KUBECONFIG as string, 'utf8')) as { contexts: { name: string }[] };
    expect(merged.contexts.map((c) => c.name)).toContain(`kubelab-${name}`);
  });

  it('creates a second cluster beside the first, on other ports, and deletes it without a trace', async () => {
    const other = h.name('b');
    const r = await h.kubelab(['create', 'cluster', '--name', other, '--workers', '1', '--wait', '2m']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const second = (await readClusterRecord(other, h.env)) as ClusterRecord;
    const ports = (c: ClusterRecord): number[] => [c.apiServer.port, c.componentPorts?.kubeScheduler ?? 0, c.componentPorts?.kubeControllerManager ?? 0, ...c.nodes.flatMap((n) => [n.kubeletPort, n.healthzPort])];
    expect(ports(second).filter((p) => ports(record).includes(p))).toEqual([]);
    expect(second.network.name).not.toBe(record.network.name);
    const nodes = await json<{ items: Node[] }>(other, ['get', 'nodes']);
    expect(nodes.items.map((n) => n.metadata?.name).sort()).toEqual([`${other}-control-plane`, `${other}-worker`]);
    expect((await json<{ items: Node[] }>(name, ['get', 'nodes'])).items).toHaveLength(2);

    const deleted = await h.kubelab(['delete', 'cluster', '--name', other]);
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toContain(`Deleting cluster "${other}" ...`);
    expect(await h.leftovers(other)).toEqual([]);
    // The first cluster is untouched.
    expect((await json<{ items: Node[] }>(name, ['get', 'nodes'])).items).toHaveLength(2);
  });

  it('deletes the first cluster, its pods included, without a trace', async () => {
    const r = await h.kubelab(['delete', 'cluster', '--name', name]);
    expect(r.code).toBe(0);
    expect(await h.leftovers(name)).toEqual([]);
    expect((await h.kubelab(['get', 'clusters'])).stdout.split('\n')).not.toContain(name);
  });
});
