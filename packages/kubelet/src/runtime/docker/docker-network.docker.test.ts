import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBusyboxImage } from '../../images/index.js';
import { clusterNetworkName, ensureClusterNetwork, removeClusterNetwork } from './docker-network.js';
import { isNotFound } from './docker-errors.js';
import { CLUSTER_LABEL } from './labels.js';

const docker = new Docker();
const cluster = `kltest-net-${randomBytes(4).toString('hex')}`;
const byLabel = { label: [`${CLUSTER_LABEL}=${cluster}`] };

async function networkGone(idOrName: string): Promise<boolean> {
  try {
    await docker.getNetwork(idOrName).inspect();
    return false;
  } catch (err) {
    if (isNotFound(err)) return true;
    throw err;
  }
}

beforeAll(async () => {
  await ensureBusyboxImage(docker);
});

afterAll(async () => {
  const containers = await docker.listContainers({ all: true, filters: byLabel });
  for (const c of containers) await docker.getContainer(c.Id).remove({ force: true });
  const networks = await docker.listNetworks({ filters: byLabel });
  for (const n of networks) await docker.getNetwork(n.Id).remove();
});

describe('removeClusterNetwork', () => {
  it('removes a network that still has an endpoint, disconnecting it with force', async () => {
    const net = await ensureClusterNetwork(docker, { name: clusterNetworkName(cluster), clusterName: cluster });
    const container = await docker.createContainer({
      name: `${cluster}-attached`,
      Image: 'busybox:1.36',
      Cmd: ['sleep', '600'],
      Labels: { [CLUSTER_LABEL]: cluster },
      HostConfig: { NetworkMode: net.name },
    });
    await container.start();
    // What a plain removal gets while the endpoint is there.
    await expect(docker.getNetwork(net.id).remove()).rejects.toThrow(/has active endpoints/);

    await removeClusterNetwork(docker, net.id);

    expect(await networkGone(net.id)).toBe(true);
    const info = await container.inspect();
    expect(info.State.Running).toBe(true);
    expect(Object.keys(info.NetworkSettings.Networks)).not.toContain(net.name);
  });

  it('takes a network that is already gone as removed', async () => {
    const name = clusterNetworkName(`${cluster}-gone`);
    expect(await networkGone(name)).toBe(true);
    await expect(removeClusterNetwork(docker, name)).resolves.toBeUndefined();
  });
});
