/**
 * [preflight]: the cluster must not exist; then, in parallel, the images (built only when
 * their bundles changed), the pause and busybox images, the cluster network (its gateway is
 * every node's IP), Docker's cgroup driver and the host ports. Ends with cluster.json written,
 * so that everything later can be found again (and deleted) by name.
 */
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type Dockerode from 'dockerode';
import { clusterNetworkName, ensureClusterNetwork } from '@kubelab/kubelet';
import { BUSYBOX_IMAGES, ensureBusyboxImage, ensurePauseImage } from '@kubelab/kubelet/images';
import { imageBundleDir, requireBundles } from '../../bundle/bundle-paths.js';
import { ensureControlPlaneImages } from '../../images/control-plane-images.js';
import { recordedPorts, writeClusterRecord } from '../cluster-store.js';
import { infoAsDebug } from '../debug-logger.js';
import { fixedPort, kubeletConfiguration, staticPodPathOf } from '../kubelet-config.js';
import { CLUSTER_LABEL, clusterDir, nodeRootDir, type ClusterRecord, type NodeRecord } from '../layout.js';
import { allocatePorts } from '../port-allocator.js';
import { KUBELAB_VERSION, KUBERNETES_VERSION } from '../version.js';
import type { CreateContext, Phase } from './create-context.js';

async function clusterExists(ctx: CreateContext): Promise<boolean> {
  if (existsSync(clusterDir(ctx.name, ctx.env))) return true;
  const [containers, networks] = await Promise.all([
    ctx.docker.listContainers({ all: true, filters: { label: [`${CLUSTER_LABEL}=${ctx.name}`] } }),
    ctx.docker.listNetworks({ filters: { name: [clusterNetworkName(ctx.name)] } }),
  ]);
  return containers.length > 0 || networks.some((n) => n.Name === clusterNetworkName(ctx.name));
}

/** The first host address of an IPv4 subnet (10.244.3.0/24 → 10.244.3.1). */
export function firstHost(cidr: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const bits = Number(m[5]);
  const ip = m.slice(1, 5).reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(ip / size) * size + 1;
  return [24, 16, 8, 0].map((s) => Math.floor(first / 2 ** s) % 256).join('.');
}

async function network(docker: Dockerode, cluster: string): Promise<ClusterRecord['network']> {
  const net = await ensureClusterNetwork(docker, { name: clusterNetworkName(cluster), clusterName: cluster });
  const info = (await docker.getNetwork(net.id).inspect()) as Dockerode.NetworkInspectInfo;
  // Docker leaves Gateway empty when it chose it: the bridge then holds the subnet's first address.
  const gateway = info.IPAM?.Config?.[0]?.Gateway || firstHost(net.subnet);
  if (!gateway) throw new Error(`network ${net.name} has no gateway address`);
  return { name: net.name, gateway, subnet: net.subnet };
}

async function ensureWorkloadImages(ctx: CreateContext): Promise<void> {
  const logger = infoAsDebug(ctx.logger);
  await ensurePauseImage(ctx.docker, { logger });
  const busybox = BUSYBOX_IMAGES[0] as string;
  const present = await ctx.docker.getImage(busybox).inspect().then(
    () => true,
    () => false,
  );
  if (!present) {
    await ensureBusyboxImage(ctx.docker, { logger }).catch((err: unknown) =>
      ctx.logger.warn('Could not build the busybox image; pods using it will pull it', { err }),
    );
  }
}

export const preflightPhase: Phase = {
  name: 'preflight',
  title: 'Running pre-flight checks',
  async run(ctx) {
    ctx.progress.line(`[init] Using Kubernetes version: ${KUBERNETES_VERSION}`);
    ctx.progress.line('[preflight] Running pre-flight checks');
    requireBundles(ctx.env);
    if (await clusterExists(ctx)) throw new Error(`node(s) already exist for a cluster with the name "${ctx.name}"`);
    ctx.owned = true;
    await Promise.all(ctx.nodes.map((n) => mkdir(nodeRootDir(ctx.name, n.name, ctx.env), { recursive: true })));

    let announced = false;
    const images = ensureControlPlaneImages(ctx.docker, {
      imageDir: imageBundleDir(ctx.env),
      logger: infoAsDebug(ctx.logger),
      onBuild: (image) => {
        if (!announced) ctx.progress.line('[preflight] Building the images required for setting up a Kubernetes cluster (from this machine\'s Node.js and kubelab\'s bundles; no registry needed)');
        announced = true;
        ctx.progress.line(`[preflight] Building image "${image}"`);
      },
    });
    const [built, net, info, ports] = await Promise.all([
      images,
      network(ctx.docker, ctx.name),
      ctx.docker.info() as Promise<{ CgroupDriver?: string }>,
      recordedPorts(ctx.env, ctx.name).then((reserved) =>
        allocatePorts({ reserved, nodes: ctx.nodes.map((n) => ({ kubelet: fixedPort(n.kubelet, 'port'), healthz: fixedPort(n.kubelet, 'healthzPort') })) }),
      ),
      ensureWorkloadImages(ctx),
    ]);
    ctx.images = built.images;
    ctx.progress.line(`[preflight] Using network "${net.name}" (${net.subnet}); the node IP of every node is its gateway ${net.gateway}`);

    const configs = new Map<string, Record<string, unknown>>();
    const nodes = ctx.nodes.map((spec, i): NodeRecord => {
      const p = ports.nodes[i] as { kubelet: number; healthz: number };
      const config = kubeletConfiguration({ port: p.kubelet, healthzPort: p.healthz, cgroupDriver: info.CgroupDriver || 'cgroupfs', extra: spec.kubelet });
      configs.set(spec.name, config);
      return {
        name: spec.name,
        role: spec.role,
        root: nodeRootDir(ctx.name, spec.name, ctx.env),
        kubeletPort: p.kubelet,
        healthzPort: p.healthz,
        staticPodPath: staticPodPathOf(config),
      };
    });
    ctx.kubeletConfigs = configs;
    ctx.record = {
      name: ctx.name,
      version: KUBELAB_VERSION,
      createdAt: new Date(ctx.clock.now()).toISOString(),
      apiServer: { host: '127.0.0.1', port: ports.apiServer, advertiseAddress: net.gateway },
      network: net,
      nodes,
      componentPorts: { kubeScheduler: ports.scheduler, kubeControllerManager: ports.controllerManager },
    };
    await writeClusterRecord(ctx.record, ctx.env);
  },
};
