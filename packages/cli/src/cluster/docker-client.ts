/**
 * The Docker engine the cluster runs on. Failing to reach it is the commonest first error, so
 * it is reported in one line that says what to do.
 */
import Dockerode from 'dockerode';

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

export function dockerHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_HOST || DEFAULT_DOCKER_HOST;
}

/** The connection error is kept apart (not as `cause`): the one-line message says it all. */
export class DockerUnavailableError extends Error {
  constructor(
    message: string,
    readonly connectionError?: unknown,
  ) {
    super(message);
    this.name = 'DockerUnavailableError';
  }
}

/** The message for an engine that did not answer, from the connection error's code. */
export function dockerUnavailableMessage(host: string, code: string | undefined): string {
  if (code === 'EACCES') {
    return `permission denied while trying to connect to the Docker daemon at ${host}: run kubelab as root or add your user to the docker group (sudo usermod -aG docker $USER, then log in again)`;
  }
  return `failed to connect to the Docker daemon at ${host}: is the docker daemon running? Start it with: sudo systemctl start docker (or run scripts/ensure-docker.sh)`;
}

/** Dockerode options for DOCKER_HOST: unix://<socket> or tcp://<host>:<port>. */
export function dockerOptions(host: string): Dockerode.DockerOptions {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return { protocol: url.protocol === 'https:' ? 'https' : 'http', host: url.hostname, port: Number(url.port || 2375) };
}

/** A client for DOCKER_HOST (or the default socket) whose engine answered a ping. */
export async function connectDocker(env: NodeJS.ProcessEnv = process.env): Promise<Dockerode> {
  const docker = new Dockerode(dockerOptions(dockerHost(env)));
  try {
    await docker.ping();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DockerUnavailableError(dockerUnavailableMessage(dockerHost(env), code), err);
  }
  return docker;
}
