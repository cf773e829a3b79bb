/**
 * The floor for the API server's request rate: the bare HTTPS server (apiserver-bare-server.ts)
 * in a child process, driven by the same load generator with the same requests (same paths,
 * headers and pod bodies) as the API server.
 */
import { fileURLToPath } from 'node:url';
import { spawnTracked, stopChild } from './apiserver-children.js';
import {
  freePort,
  waitForHttps,
  type RunningProcess,
  type ServingPki,
} from './apiserver-process.js';
import type { LoadConnection, Target } from './load-connection.js';
import { runLoad, type LoadResult } from './load-generator.js';
import { createPodRequest, getPodRequest, podName } from './apiserver-requests.js';

const SCRIPT = fileURLToPath(new URL('./apiserver-bare-server.ts', import.meta.url));

/** Starts the bare server answering bodies of the API server's pod GET and create sizes. */
export async function startBareServer(
  pki: ServingPki,
  getBytes: number,
  postBytes: number,
): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawnTracked(
    process.execPath,
    [
      '--import',
      'tsx',
      SCRIPT,
      pki.certFile,
      pki.keyFile,
      String(port),
      String(getBytes),
      String(postBytes),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitForHttps(child, port, pki.caPem, '/');
  return { child, pid: child.pid as number, port, stop: () => stopChild(child) };
}

export interface BareLoadOptions {
  target: Target;
  connections: LoadConnection[];
  pid: number;
  kind: 'GET' | 'POST';
  warmupMs: number;
  durationMs: number;
}

export async function measureBare(o: BareLoadOptions): Promise<LoadResult> {
  let n = 0;
  const getReq = getPodRequest(o.target, 'bench', podName(0));
  const next =
    o.kind === 'GET'
      ? (): Buffer => getReq
      : (): Buffer => createPodRequest(o.target, 'bench', podName(n++));
  const expectStatus = o.kind === 'GET' ? 200 : 201;
  await runLoad({ connections: o.connections, next, durationMs: o.warmupMs, expectStatus });
  const r = await runLoad({
    connections: o.connections,
    next,
    durationMs: o.durationMs,
    expectStatus,
    serverPid: o.pid,
  });
  if (r.errors)
    throw new Error(`${r.errors} requests to the bare server failed: ${r.firstError ?? ''}`);
  return r;
}
