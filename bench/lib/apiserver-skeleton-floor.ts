/**
 * The skeleton create server (apiserver-skeleton-server.ts) in a child process with its own
 * LevelDB directory, removed when it stops. Driven by measureBare with the same create
 * requests as the API server, it is the most any server that stores pods durably can do here.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeTempDir, spawnTracked, stopChild } from './apiserver-children.js';
import {
  freePort,
  waitForHttps,
  type RunningProcess,
  type ServingPki,
} from './apiserver-process.js';

const SCRIPT = fileURLToPath(new URL('./apiserver-skeleton-server.ts', import.meta.url));

export async function startSkeletonServer(pki: ServingPki): Promise<RunningProcess> {
  const dir = await makeTempDir('kubelab-bench-skeleton-');
  const port = await freePort();
  const child = spawnTracked(
    process.execPath,
    ['--import', 'tsx', SCRIPT, pki.certFile, pki.keyFile, String(port), join(dir, 'db')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await removeTempDir(dir);
  };
  try {
    await waitForHttps(child, port, pki.caPem, '/');
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, pid: child.pid as number, port, stop };
}
