/**
 * A word when the Docker engine stays silent. Debian 12's dockerd (20.10.24) can deadlock in
 * libnetwork (moby/moby#46661) and then never answers what touches networks; without a word a
 * command waiting on it would only hang.
 */
import type { Clock, Logger } from '@kubelab/api';

export const SLOW_DOCKER_MS = 30_000;

export function slowDockerMessage(afterMs: number): string {
  return (
    `Docker has not answered for ${afterMs / 1000}s: dockerd may be deadlocked (a known fault of Debian 12's docker.io 20.10, moby/moby#46661). ` +
    'Restart it (bash scripts/ensure-docker.sh restarts a dockerd it started; otherwise systemctl restart docker) and run this command again'
  );
}

/** Runs `work` and warns once if it has not finished after `afterMs`; the work goes on either way. */
export async function warnWhenDockerIsSlow<T>(
  work: () => Promise<T>,
  o: { clock: Clock; logger: Logger; afterMs?: number },
): Promise<T> {
  const afterMs = o.afterMs ?? SLOW_DOCKER_MS;
  const done = new AbortController();
  void o.clock.sleep(afterMs, done.signal).then(
    () => o.logger.warn(slowDockerMessage(afterMs)),
    () => undefined,
  );
  try {
    return await work();
  } finally {
    done.abort();
  }
}
