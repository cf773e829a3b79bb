/** Offline, a pull of an image kubelab built resolves to the local image; others fail as pulls do. */
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ensureBusyboxImage } from '../../images/index.js';
import { pullImageOrLocal } from './image-pull.js';

describe('pullImageOrLocal', () => {
  it('serves kubelab-built images when the registry cannot, and fails for others', async () => {
    const docker = new Docker();
    await ensureBusyboxImage(docker);
    const local = (await docker.getImage('busybox:latest').inspect()).Id;
    expect(await pullImageOrLocal(docker, 'busybox')).toBe(local);
    await expect(pullImageOrLocal(docker, 'kubelab-test/not-anywhere:1.0')).rejects.toThrow(/^rpc error: code = \w+ desc = Error response from daemon: /);
  });
});
