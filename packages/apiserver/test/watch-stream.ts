/** Opens a watch over HTTPS and collects its events (one JSON object per line). */
import https from 'node:https';
import type { TestCluster } from '../src/testing/test-cluster.js';

export interface WatchedEvent {
  type: string;
  object: { kind?: string; metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> }; code?: number; message?: string; reason?: string; columnDefinitions?: unknown; rows?: unknown[] };
}

export interface OpenWatch {
  events: WatchedEvent[];
  /** Resolves when `until` holds for the events so far (checked on every event). */
  waitFor(until: (events: WatchedEvent[]) => boolean): Promise<WatchedEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openWatch(c: TestCluster, path: string, accept = 'application/json'): Promise<OpenWatch> {
  return new Promise((resolve, reject) => {
    const events: WatchedEvent[] = [];
    const waiters: { until: (e: WatchedEvent[]) => boolean; resolve: (e: WatchedEvent[]) => void }[] = [];
    let endResolve: () => void = () => {};
    const ended = new Promise<void>((r) => (endResolve = r));
    const check = (): void => {
      for (const w of [...waiters]) {
        if (w.until(events)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(events);
        }
      }
    };
    const req = https.request(
      { host: '127.0.0.1', port: c.port, path, ca: c.caPem, headers: { authorization: `Bearer ${c.identities.admin.token}`, accept } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`watch ${path}: HTTP ${res.statusCode ?? 0}`));
          return;
        }
        let buf = '';
        res.on('data', (d: Buffer) => {
          buf += d.toString();
          let i: number;
          while ((i = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, i);
            buf = buf.slice(i + 1);
            if (line.trim()) events.push(JSON.parse(line) as WatchedEvent);
          }
          check();
        });
        res.on('end', () => endResolve());
        res.on('close', () => endResolve());
        resolve({
          events,
          ended,
          waitFor: (until) =>
            new Promise((r) => {
              waiters.push({ until, resolve: r });
              check();
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (e) => {
      endResolve();
      if (!events.length) reject(e);
    });
    req.end();
  });
}
