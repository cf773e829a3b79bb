/**
 * The ceiling for any API server's create rate on this machine: a Node.js HTTPS server, in its
 * own process, doing only what every durable create must do and nothing an API server adds
 * (no authentication, validation, defaulting, field management, watch cache or events). It
 * reads the body, parses the JSON, stamps uid, resourceVersion, creationTimestamp and
 * namespace, serializes it, writes it to LevelDB with `sync: true` in a group commit (whatever
 * arrives while a batch is syncing goes into the next one, as the API server's commit queue
 * does), and answers 201 with the stored JSON once its batch is synced. Any other request gets
 * 200 (the readiness probe).
 *
 * Run as: node --import tsx apiserver-skeleton-server.ts <cert> <key> <port> <leveldb-dir>
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { Level } from 'level';

const [certFile, keyFile, port, dbDir] = process.argv.slice(2);
if (!certFile || !keyFile || !port || !dbDir) {
  process.stderr.write('usage: apiserver-skeleton-server.ts <cert> <key> <port> <leveldb-dir>\n');
  process.exit(2);
}

const db = new Level<string, string>(dbDir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
await db.open();

interface Write {
  key: string;
  value: string;
  res: ServerResponse;
}
let queue: Write[] = [];
let syncing = false;
let resourceVersion = 1;

function answer(w: Write, status: number, body: string): void {
  const bytes = Buffer.from(body);
  w.res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-cache, private',
  });
  w.res.end(bytes);
}

async function drain(): Promise<void> {
  syncing = true;
  while (queue.length) {
    const group = queue;
    queue = [];
    try {
      await db.batch(
        group.map((w) => ({ type: 'put' as const, key: w.key, value: w.value })),
        { sync: true },
      );
      for (const w of group) answer(w, 201, w.value);
    } catch (err) {
      for (const w of group) answer(w, 500, JSON.stringify({ message: String(err) }));
    }
  }
  syncing = false;
}

const server = createServer(
  { cert: readFileSync(certFile), key: readFileSync(keyFile), keepAliveTimeout: 60_000 },
  (req, res) => {
    if (req.method !== 'POST') {
      res.end('ok');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const pod = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        metadata: Record<string, unknown>;
      };
      const namespace = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(req.url ?? '')?.[1] ?? '';
      pod.metadata.namespace = namespace;
      pod.metadata.uid = randomUUID();
      pod.metadata.resourceVersion = String(++resourceVersion);
      pod.metadata.creationTimestamp = `${new Date().toISOString().slice(0, 19)}Z`;
      const value = JSON.stringify(pod);
      queue.push({ key: `/registry/pods/${namespace}/${String(pod.metadata.name)}`, value, res });
      if (!syncing) void drain();
    });
  },
);
server.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => void db.close().then(() => process.exit(0)));
  server.closeAllConnections();
});
