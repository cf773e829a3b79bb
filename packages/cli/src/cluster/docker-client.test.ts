import { describe, expect, it } from 'vitest';
import { connectDocker, dockerOptions, dockerUnavailableMessage } from './docker-client.js';

describe('docker client', () => {
  it('reads DOCKER_HOST', () => {
    expect(dockerOptions('unix:///var/run/docker.sock')).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(dockerOptions('tcp://10.0.0.2:2376')).toEqual({ protocol: 'http', host: '10.0.0.2', port: 2376 });
  });

  it('says how to start an engine that does not answer', async () => {
    await expect(connectDocker({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' })).rejects.toThrow(
      'failed to connect to the Docker daemon at unix:///nonexistent/docker.sock: is the docker daemon running? Start it with: sudo systemctl start docker (or run scripts/ensure-docker.sh)',
    );
    expect(dockerUnavailableMessage('unix:///x', 'EACCES')).toContain('permission denied while trying to connect to the Docker daemon at unix:///x');
  });
});
