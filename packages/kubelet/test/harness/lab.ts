/**
 * A small real cluster for the kubelet's end-to-end tests: an API server (in-process, over
 * LevelDB, restartable on the same port), kubelet processes with their own node roots, real
 * Docker, and the real kubectl. Everything it creates is labelled with the lab's cluster name
 * and removed by cleanup(), also after a failure.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { ApiServer } from '@kubelab/apiserver';
import { LevelDbStorage } from '@kubelab/apiserver/storage';
import { buildKubeconfig } from '@kubelab/api/kubeconfig';
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';
import { removeClusterNetwork } from '../../src/runtime/docker/docker-network.js';

const KUBELET_MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'main.ts');
export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface LabNode {
  name: string;
  root: string;
  port: number;
  healthzPort: number;
  process: ChildProcess | undefined;
}

export interface Lab {
  name: string;
  dir: string;
  apiPort: number;
  docker: Docker;
  nodes: Map<string, LabNode>;
  kubectl(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  startApiServer(): Promise<void>;
  stopApiServer(): Promise<void>;
  addNode(name: string, opts?: { staticPodPath?: string }): Promise<LabNode>;
  startKubelet(name: string): Promise<void>;
  stopKubelet(name: string, signal?: NodeJS.Signals): Promise<void>;
  writeManifest(node: string, file: string, yaml: string): Promise<void>;
  /** Containers of this lab, from Docker. */
  containers(filter?: Record<string, string>): Promise<Docker.ContainerInfo[]>;
  cleanup(): Promise<void>;
}

export async function createLab(prefix = 'kltest'): Promise<Lab> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  const docker = new Docker();
  const ca = await createCertificateAuthority({ commonName: 'kubernetes' });
  const serving = await issueCertificate(ca, { commonName: 'kube-apiserver', ipAddresses: ['127.0.0.1'], dnsNames: ['localhost', 'kubernetes'], usage: 'server' });
  const kubeletClient = await issueCertificate(ca, { commonName: 'kube-apiserver-kubelet-client', organizations: ['kubeadm:cluster-admins'], usage: 'client' });
  const adminToken = randomBytes(16).toString('hex');
  const tokens = new Map<string, { name: string; groups: string[] }>([[adminToken, { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins'] }]]);
  const nodeTokens = new Map<string, string>();
  const apiPort = await freePort();
  const storageDir = join(dir, 'apiserver-data');
  let server: ApiServer | undefined;
  const nodes = new Map<string, LabNode>();
  const adminConf = join(dir, 'admin.conf');
  await writeFile(adminConf, buildKubeconfig({ clusterName: name, server: `https://127.0.0.1:${apiPort}`, caData: Buffer.from(ca.certPem), user: 'kubernetes-admin', token: adminToken }));

  const lab: Lab = {
    name,
    dir,
    apiPort,
    docker,
    nodes,
    kubectl: (args, input) =>
      new Promise((resolve) => {
        const child = execFile(KUBECTL, [`--kubeconfig=${adminConf}`, `--cache-dir=${join(dir, 'kube-cache')}`, ...args], { env: { PATH: process.env.PATH ?? '', HOME: dir }, maxBuffer: 32 << 20, timeout: 60_000 }, (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
        );
        if (input !== undefined) child.stdin?.end(input);
      }),
    async startApiServer() {
      const storage = await LevelDbStorage.open(storageDir);
      server = await ApiServer.create({
        storage,
        tls: serving,
        tokens: new Map<string, { name: string; groups: string[] }>([
          ...tokens,
          ...[...nodeTokens].map(([n, t]): [string, { name: string; groups: string[] }] => [t, { name: `system:node:${n}`, groups: ['system:nodes'] }]),
        ]),
        bindAddress: '127.0.0.1',
        securePort: apiPort,
        advertiseAddress: '127.0.0.1',
        kubeletClient: { certPem: kubeletClient.certPem, keyPem: kubeletClient.keyPem },
      });
      await server.listen();
    },
    async stopApiServer() {
      await server?.close();
      server = undefined;
    },
    async addNode(nodeName, opts = {}) {
      const root = join(dir, 'nodes', nodeName);
      const token = randomBytes(16).toString('hex');
      nodeTokens.set(nodeName, token);
      tokens.set(token, { name: `system:node:${nodeName}`, groups: ['system:nodes'] });
      const staticPodPath = opts.staticPodPath ?? '/etc/kubernetes/manifests';
      const node: LabNode = { name: nodeName, root, port: await freePort(), healthzPort: await freePort(), process: undefined };
      await mkdir(join(root, staticPodPath), { recursive: true });
      await mkdir(join(root, 'var/lib/kubelet'), { recursive: true });
      await mkdir(join(root, 'etc/kubernetes/pki'), { recursive: true });
      await writeFile(join(root, 'etc/kubernetes/pki/ca.crt'), ca.certPem);
      await writeFile(
        join(root, 'var/lib/kubelet/config.yaml'),
        [
          'apiVersion: kubelet.config.k8s.io/v1beta1',
          'kind: KubeletConfiguration',
          `staticPodPath: ${staticPodPath}`,
          `port: ${node.port}`,
          'address: 127.0.0.1',
          `healthzPort: ${node.healthzPort}`,
          'syncFrequency: 10s',
          'authentication:',
          '  x509:',
          '    clientCAFile: /etc/kubernetes/pki/ca.crt',
          '  webhook:',
          '    enabled: true',
          'authorization:',
          '  mode: Webhook',
          '',
        ].join('\n'),
      );
      await writeFile(join(root, 'etc/kubernetes/kubelet.conf'), buildKubeconfig({ clusterName: name, server: `https://127.0.0.1:${apiPort}`, caData: Buffer.from(ca.certPem), user: `system:node:${nodeName}`, token }));
      nodes.set(nodeName, node);
      // A running API server learns the new token on its next start; tests add nodes before.
      return node;
    },
    async startKubelet(nodeName) {
      const node = nodes.get(nodeName);
      if (!node) throw new Error(`no node ${nodeName}`);
      const child = spawn(
        process.execPath,
        [
          '--conditions=development',
          '--import',
          'tsx',
          KUBELET_MAIN,
          '--config=/var/lib/kubelet/config.yaml',
          '--kubeconfig=/etc/kubernetes/kubelet.conf',
          `--hostname-override=${nodeName}`,
          '--node-ip=127.0.0.1',
          `--kubelab-node-root=${node.root}`,
          `--kubelab-cluster=${name}`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      node.process = child;
      const healthy = async (): Promise<boolean> => {
        try {
          const r = await fetch(`http://127.0.0.1:${node.healthzPort}/healthz`);
          return r.ok;
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 30_000;
      while (!(await healthy())) {
        if (child.exitCode !== null) throw new Error(`kubelet ${nodeName} exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error(`kubelet ${nodeName} did not become healthy`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stopKubelet(nodeName, signal = 'SIGTERM') {
      const child = nodes.get(nodeName)?.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
    async writeManifest(nodeName, file, yaml) {
      const node = nodes.get(nodeName);
      if (!node) throw new Error(`no node ${nodeName}`);
      // Written elsewhere and renamed in, as editors and `mv` do: never a half-written file.
      const target = join(node.root, 'etc/kubernetes/manifests', file);
      const tmp = join(node.root, `.${file}.tmp`);
      await writeFile(tmp, yaml);
      const { rename } = await import('node:fs/promises');
      await rename(tmp, target);
    },
    async containers(filter = {}) {
      const labels = [`io.kubelab.cluster=${name}`, ...Object.entries(filter).map(([k, v]) => `${k}=${v}`)];
      return docker.listContainers({ all: true, filters: { label: labels } });
    },
    async cleanup() {
      for (const n of nodes.keys()) await lab.stopKubelet(n, 'SIGKILL').catch(() => undefined);
      await lab.stopApiServer().catch(() => undefined);
      const all = await docker.listContainers({ all: true, filters: { label: [`io.kubelab.cluster=${name}`] } });
      // One at a time, as kubelab delete cluster does (a libnetwork deadlock of Docker 20.10).
      for (const c of all) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
      const nets = await docker.listNetworks({ filters: { label: [`io.kubelab.cluster=${name}`] } });
      await rm(dir, { recursive: true, force: true });
      // A network that cannot be removed fails the suite: a leak is not to pass unseen.
      for (const n of nets) await removeClusterNetwork(docker, n.Id);
    },
  };
  return lab;
}
