/**
 * The cluster's pod network: one Docker bridge per cluster (`kubelab-<cluster>`), labelled
 * io.kubelab.cluster, with a /24 from 10.244.0.0/16 that no other Docker network overlaps.
 * Kubelets of one cluster race to create it; the loser uses the winner's. Whoever deletes the
 * cluster removes it with removeClusterNetwork.
 */
import type Dockerode from 'dockerode';
import { withHostLock } from '../../util/host-lock.js';
import { CLUSTER_LABEL } from './labels.js';
import { daemonMessage, isConflict, isNotFound } from './docker-errors.js';

export interface ClusterNetwork {
  name: string;
  id: string;
  subnet: string;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** [first, last] addresses of an IPv4 CIDR; undefined for IPv6 or garbage. */
export function cidrRange(cidr: string): [number, number] | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
  if (!m?.[1] || !m[2]) return undefined;
  const bits = Number(m[2]);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipToInt(m[1]) / size) * size;
  return [start, start + size - 1];
}

export function overlaps(a: string, b: string): boolean {
  const ra = cidrRange(a);
  const rb = cidrRange(b);
  return !!ra && !!rb && ra[0] <= rb[1] && rb[0] <= ra[1];
}

/** The first 10.244.N.0/24 (N from 0) overlapping none of the used subnets. */
export function chooseSubnet(used: string[], skip = 0): string {
  let skipped = 0;
  for (let n = 0; n < 256; n++) {
    const candidate = `10.244.${n}.0/24`;
    if (used.some((u) => overlaps(candidate, u))) continue;
    if (skipped++ < skip) continue;
    return candidate;
  }
  throw new Error('no free /24 left in 10.244.0.0/16 for a cluster network');
}

function subnetsOf(info: Dockerode.NetworkInspectInfo): string[] {
  return (info.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter(Boolean);
}

export function clusterNetworkName(clusterName: string): string {
  return `kubelab-${clusterName}`;
}

async function inspectNetwork(docker: Dockerode, name: string): Promise<ClusterNetwork | undefined> {
  try {
    const info = (await docker.getNetwork(name).inspect()) as Dockerode.NetworkInspectInfo;
    return { name: info.Name, id: info.Id, subnet: subnetsOf(info)[0] ?? '' };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export interface EnsureNetworkOptions {
  name: string;
  clusterName: string;
  /** A fixed subnet; chosen automatically when absent. */
  subnet?: string;
}

export async function ensureClusterNetwork(docker: Dockerode, opts: EnsureNetworkOptions): Promise<ClusterNetwork> {
  const found = await inspectNetwork(docker, opts.name);
  if (found) return found;
  // Docker 20.10's CheckDuplicate is not atomic: two kubelets starting together would make two
  // networks of one name. Creation is serialised across processes.
  return withHostLock(`network/${opts.name}`, () => createClusterNetwork(docker, opts));
}

async function createClusterNetwork(docker: Dockerode, opts: EnsureNetworkOptions): Promise<ClusterNetwork> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const existing = await inspectNetwork(docker, opts.name);
    if (existing) return existing;
    const used = (await docker.listNetworks()).flatMap((n) => subnetsOf(n as Dockerode.NetworkInspectInfo));
    const subnet = opts.subnet ?? chooseSubnet(used, attempt);
    try {
      await docker.createNetwork({
        Name: opts.name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: { [CLUSTER_LABEL]: opts.clusterName, 'io.kubelab.network': 'pods' },
        IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] },
      });
    } catch (err) {
      // A concurrent create of the same name, or another network took the subnet: look again.
      if (isConflict(err) || /overlaps|already exists/i.test(daemonMessage(err))) continue;
      throw err;
    }
  }
  const last = await inspectNetwork(docker, opts.name);
  if (last) return last;
  throw new Error(`failed to create network ${opts.name}`);
}

/** What `work` resolves to; undefined when Docker answers that the object is gone (404). */
async function unlessGone<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Removes a cluster network; one already gone is not an error. dockerd can keep the endpoint
 * of a container that no longer exists and then refuses the removal with "network ... has
 * active endpoints" (moby/moby#17217, #33156): every endpoint still listed is disconnected by
 * name with force, as `docker network disconnect -f` does, and the removal is tried once more.
 * Its error is thrown when that fails too.
 */
export async function removeClusterNetwork(docker: Dockerode, idOrName: string): Promise<void> {
  const network = docker.getNetwork(idOrName);
  try {
    await unlessGone(network.remove());
    return;
  } catch (err) {
    if (!/has active endpoints/i.test(daemonMessage(err))) throw err;
  }
  const info = (await unlessGone(network.inspect())) as Dockerode.NetworkInspectInfo | undefined;
  if (!info) return;
  for (const [id, endpoint] of Object.entries(info.Containers ?? {})) {
    await unlessGone(network.disconnect({ Container: endpoint.Name || id, Force: true }));
  }
  await unlessGone(network.remove());
}
