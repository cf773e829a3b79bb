/**
 * Pod creates/s and GETs/s against the API server, 16 keep-alive clients in a closed loop.
 * Creates fill the namespace with the pods that LIST, memory and GETs then use.
 */
import type { LoadConnection, Target } from './load-connection.js';
import { runLoad, type LoadResult } from './load-generator.js';
import { createPodRequest, getPodRequest, podName } from './apiserver-requests.js';

export interface CreatePodsOptions {
  target: Target;
  connections: LoadConnection[];
  namespace: string;
  /** Pods created in total; the first warmup of them are not timed. */
  total: number;
  warmup: number;
  serverPid: number;
}

export async function measureCreates(o: CreatePodsOptions): Promise<LoadResult> {
  let next = 0;
  const upTo = (end: number) => (): Buffer | undefined =>
    next < end ? createPodRequest(o.target, o.namespace, podName(next++)) : undefined;
  const warm = await runLoad({
    connections: o.connections,
    next: upTo(o.warmup),
    expectStatus: 201,
  });
  if (warm.errors) throw new Error(`warm-up creates failed: ${warm.firstError ?? ''}`);
  const timed = await runLoad({
    connections: o.connections,
    next: upTo(o.total),
    expectStatus: 201,
    serverPid: o.serverPid,
  });
  if (timed.errors) throw new Error(`${timed.errors} creates failed: ${timed.firstError ?? ''}`);
  return timed;
}

export interface GetPodsOptions {
  target: Target;
  connections: LoadConnection[];
  namespace: string;
  /** GETs pick pods 0..pods-1 at random. */
  pods: number;
  warmupMs: number;
  durationMs: number;
  serverPid: number;
}

export async function measureGets(o: GetPodsOptions): Promise<LoadResult> {
  // Pre-render the requests: the generator's per-request work is one socket write.
  const requests = Array.from({ length: o.pods }, (_, i) =>
    getPodRequest(o.target, o.namespace, podName(i)),
  );
  const next = (): Buffer => requests[Math.floor(Math.random() * requests.length)] as Buffer;
  await runLoad({ connections: o.connections, next, durationMs: o.warmupMs, expectStatus: 200 });
  const timed = await runLoad({
    connections: o.connections,
    next,
    durationMs: o.durationMs,
    expectStatus: 200,
    serverPid: o.serverPid,
  });
  if (timed.errors) throw new Error(`${timed.errors} GETs failed: ${timed.firstError ?? ''}`);
  return timed;
}
