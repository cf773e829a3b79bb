/**
 * Closed-loop load: every connection sends its next request as soon as the previous response
 * has arrived, until the work runs out or the time is up. Reports the rate, the latency
 * distribution and how much CPU the generator and the server used, so a reader can tell which
 * one was the bottleneck.
 */
import { CpuMeter } from './load-process-stats.js';
import { LoadConnection, type Target } from './load-connection.js';
import { SampleBuffer, summarize, type LatencySummary } from './load-stats.js';

export interface LoadOptions {
  connections: LoadConnection[];
  /** The next request's bytes, or undefined when there is no more work. */
  next(): Buffer | undefined;
  /** Stop sending after this long (ms); without it, run until next() is exhausted. */
  durationMs?: number;
  expectStatus: number;
  /** Processes whose CPU use is reported beside the generator's (the server under test). */
  serverPid?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  perSecond: number;
  latencyMs: LatencySummary;
  /** CPU used by the generator's process, as a fraction of one core. */
  generatorCpu: number;
  serverCpu?: number;
  /** CPU used by everything else on the machine meanwhile (other processes), in cores. */
  otherCpu: number;
}

export async function openConnections(t: Target, count: number): Promise<LoadConnection[]> {
  return Promise.all(Array.from({ length: count }, () => LoadConnection.open(t)));
}

export function closeConnections(conns: LoadConnection[]): void {
  for (const c of conns) c.close();
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies = new SampleBuffer();
  let errors = 0;
  let firstError: string | undefined;
  const meter = new CpuMeter(o.serverPid === undefined ? [] : [o.serverPid]);
  const start = performance.now();
  const deadline = o.durationMs === undefined ? Infinity : start + o.durationMs;

  const worker = async (conn: LoadConnection): Promise<void> => {
    for (;;) {
      if (performance.now() >= deadline) return;
      const req = o.next();
      if (!req) return;
      const t0 = performance.now();
      const res = await conn.send(req);
      latencies.push(performance.now() - t0);
      if (res.status !== o.expectStatus) {
        errors++;
        firstError ??= `HTTP ${res.status}`;
      }
    }
  };
  await Promise.all(o.connections.map(worker));
  const elapsedMs = performance.now() - start;
  const cpu = meter.stop();
  return {
    requests: latencies.length,
    errors,
    firstError,
    elapsedMs,
    perSecond: (latencies.length * 1000) / elapsedMs,
    latencyMs: summarize(latencies.values()),
    generatorCpu: cpu.self,
    serverCpu: cpu.others[0],
    otherCpu: Math.max(0, cpu.machine - cpu.self - (cpu.others[0] ?? 0)),
  };
}

/** Sends requests one after another on one connection, returning each latency (ms). */
export async function timeSequential(
  conn: LoadConnection,
  requests: Buffer[],
  check: (status: number, body: Buffer | undefined, i: number) => void,
): Promise<number[]> {
  const out: number[] = [];
  for (const [i, req] of requests.entries()) {
    const keep = i === 0;
    const t0 = performance.now();
    const res = await conn.send(req, keep);
    out.push(performance.now() - t0);
    check(res.status, res.body, i);
  }
  return out;
}
