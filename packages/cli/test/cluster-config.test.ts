/**
 * A cluster from a config file: node names and a per-node kubelet setting (the CKA exercise's
 * staticPodPath /etc/just-to-mess-with-you on a worker), honoured by that node's kubelet.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Pod } from '@kubelab/api';
import { waitFor } from '../../kubelet/test/harness/wait-for.js';
import { readClusterRecord } from '../src/cluster/cluster-store.js';
import type { ClusterRecord } from '../src/cluster/layout.js';
import { createClusterHarness, type ClusterHarness } from './cluster-harness.js';

let h: ClusterHarness;
let name: string;
let record: ClusterRecord;

const STATIC_POD = `apiVersion: v1
kind: Pod
metadata:
  name: static-greenbox
spec:
  containers:
  - name: greenbox
    image: busybox:1.36
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1000 & wait"]
`;

beforeAll(async () => {
  h = await createClusterHarness('klcfg');
  name = h.name('c');
  const config = join(h.home, 'cluster.yaml');
  await writeFile(
    config,
    [
      'kind: Cluster',
      'apiVersion: kubelab.dev/v1alpha1',
      `name: ${name}`,
      'nodes:',
      '- role: control-plane',
      '  name: controlplane',
      '- role: worker',
      '  name: node01',
      '  kubelet:',
      '    staticPodPath: /etc/just-to-mess-with-you',
      '',
    ].join('\n'),
  );
  const r = await h.kubelab(['create', 'cluster', '--config', config, '--wait', '2m']);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code, r.stdout).toBe(0);
  record = (await readClusterRecord(name, h.env)) as ClusterRecord;
});

afterAll(async () => {
  await h?.cleanup();
});

describe('kubelab create cluster --config', () => {
  it('names the nodes and gives the worker its own staticPodPath', async () => {
    expect(record.nodes.map((n) => [n.name, n.role, n.staticPodPath])).toEqual([
      ['controlplane', 'control-plane', '/etc/kubernetes/manifests'],
      ['node01', 'worker', '/etc/just-to-mess-with-you'],
    ]);
    const node01 = record.nodes[1] as ClusterRecord['nodes'][number];
    const config = parse(await readFile(join(node01.root, 'var/lib/kubelet/config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config['staticPodPath']).toBe('/etc/just-to-mess-with-you');
    const pods = JSON.parse((await h.kubectl(name, ['get', 'pods', '-n', 'kube-system', '-o', 'json'])).stdout) as { items: Pod[] };
    expect(pods.items.map((p) => p.metadata?.name).sort()).toEqual(['kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane']);
  });

  it("runs a static pod written into the worker's own directory, and removes it with the file", async () => {
    const node01 = record.nodes[1] as ClusterRecord['nodes'][number];
    const dir = join(node01.root, 'etc/just-to-mess-with-you');
    await writeFile(join(dir, '.greenbox.tmp'), STATIC_POD);
    await rename(join(dir, '.greenbox.tmp'), join(dir, 'greenbox.yaml'));
    const mirror = await waitFor(
      'the static-greenbox-node01 mirror pod to run',
      async () => {
        const r = await h.kubectl(name, ['get', 'pod', 'static-greenbox-node01', '-o', 'json']);
        const pod = r.code === 0 ? (JSON.parse(r.stdout) as Pod) : undefined;
        return pod?.status?.phase === 'Running' ? pod : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(mirror.spec?.nodeName).toBe('node01');
    expect(mirror.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node01' });
    await rename(join(dir, 'greenbox.yaml'), join(h.home, 'greenbox.yaml'));
    await waitFor(
      'the mirror pod to go',
      async () => (await h.kubectl(name, ['get', 'pod', 'static-greenbox-node01'])).code !== 0,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  });
});
