/**
 * Watch delivery latency: many watchers hold `?watch=true&resourceVersion=<rv>` streams open on
 * one namespace; pods are then created one after another, and each (watcher, event) pair is
 * timed from just before the create request is written to the moment the event's line has
 * arrived at that watcher.
 */
import type { ClientRequest } from 'node:http';
import { Agent, request } from 'node:https';
import type { LoadConnection, Target } from './load-connection.js';
import { renderRequest } from './load-connection.js';
import { SampleBuffer, summarize, type LatencySummary } from './load-stats.js';
import { createPodRequest, expectStatus, podsPath } from './apiserver-requests.js';

export interface WatchOptions {
  target: Target;
  conn: LoadConnection;
  namespace: string;
  watchers: number;
  writes: number;
  /** How long to wait for the last events before calling them lost. */
  deliveryTimeoutMs: number;
}

export interface WatchResult {
  delivery: LatencySummary;
  /** Latency of the creates themselves (one at a time), for comparison. */
  createAck: LatencySummary;
  /** Events expected (watchers x writes) minus events that arrived. */
  lost: number;
}

const NAME_PREFIX = 'watched-';
const NAME_RE = /"name":"watched-(\d+)"/;

interface Watcher {
  req: ClientRequest;
  received: number;
}

function openWatcher(
  o: WatchOptions,
  agent: Agent,
  rv: string,
  onEvent: (i: number, at: number) => void,
): Promise<Watcher> {
  return new Promise((resolve, reject) => {
    const path = `${podsPath(o.namespace)}?watch=true&resourceVersion=${rv}`;
    const headers = { Authorization: o.target.authorization ?? '', Accept: 'application/json' };
    const w: Watcher = { req: undefined as unknown as ClientRequest, received: 0 };
    w.req = request(
      {
        host: o.target.host,
        port: o.target.port,
        path,
        headers,
        ca: o.target.caPem,
        servername: 'localhost',
        agent,
      },
      (res) => {
        if (res.statusCode !== 200)
          return reject(new Error(`watch answered HTTP ${res.statusCode}`));
        let partial = '';
        res.on('data', (chunk: Buffer) => {
          const at = performance.now();
          const lines = (partial + chunk.toString('latin1')).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) {
            const m = NAME_RE.exec(line);
            if (!m) continue;
            w.received++;
            onEvent(Number(m[1]), at);
          }
        });
        resolve(w);
      },
    );
    w.req.on('error', (err: Error) => reject(err));
    w.req.end();
  });
}

export async function measureWatch(o: WatchOptions): Promise<WatchResult> {
  const list = await expectStatus(
    o.conn,
    renderRequest(o.target, { method: 'GET', path: podsPath(o.namespace) }),
    200,
  );
  const rv = (JSON.parse(list.toString()) as { metadata: { resourceVersion: string } }).metadata
    .resourceVersion;
  const sentAt = new Float64Array(o.writes);
  const delivery = new SampleBuffer();
  let received = 0;
  let allArrived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (allArrived = resolve));
  const expected = o.watchers * o.writes;
  const onEvent = (i: number, at: number): void => {
    delivery.push(at - (sentAt[i] as number));
    if (++received === expected) allArrived();
  };
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const watchers: Watcher[] = [];
  try {
    for (let i = 0; i < o.watchers; i++) watchers.push(await openWatcher(o, agent, rv, onEvent));
    const acks: number[] = [];
    for (let i = 0; i < o.writes; i++) {
      const req = createPodRequest(o.target, o.namespace, `${NAME_PREFIX}${i}`);
      sentAt[i] = performance.now();
      const res = await o.conn.send(req);
      acks.push(performance.now() - (sentAt[i] as number));
      if (res.status !== 201) throw new Error(`create during watch failed with HTTP ${res.status}`);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      arrived,
      new Promise<void>((r) => (timer = setTimeout(r, o.deliveryTimeoutMs))),
    ]);
    clearTimeout(timer);
    return {
      delivery: summarize(delivery.values()),
      createAck: summarize(acks),
      lost: expected - received,
    };
  } finally {
    for (const w of watchers) w.req.destroy();
    agent.destroy();
  }
}
