/**
 * The floor for the API server's request rate: a bare Node.js HTTPS server, in its own
 * process, with the same certificate, answering GET with a fixed body of the size of a pod GET
 * and POST (after reading the body) with a fixed 201 body of the size of a pod create.
 *
 * Run as: node --import tsx apiserver-bare-server.ts <cert> <key> <port> <getBytes> <postBytes>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';

const [certFile, keyFile, port, getBytes, postBytes] = process.argv.slice(2);
if (!certFile || !keyFile || !port || !getBytes || !postBytes) {
  process.stderr.write(
    'usage: apiserver-bare-server.ts <cert> <key> <port> <getBytes> <postBytes>\n',
  );
  process.exit(2);
}

const body = (n: number): Buffer => {
  const shell = '{"kind":"Pod","pad":""}';
  return Buffer.from(`{"kind":"Pod","pad":"${'x'.repeat(Math.max(0, n - shell.length))}"}`);
};
const getBody = body(Number(getBytes));
const postBody = body(Number(postBytes));
const headers = (b: Buffer): Record<string, string> => ({
  'Content-Type': 'application/json',
  'Content-Length': String(b.length),
  'Cache-Control': 'no-cache, private',
});

const server = createServer(
  { cert: readFileSync(certFile), key: readFileSync(keyFile), keepAliveTimeout: 60_000 },
  (req, res) => {
    if (req.method === 'POST') {
      req.resume();
      req.on('end', () => {
        res.writeHead(201, headers(postBody));
        res.end(postBody);
      });
      return;
    }
    res.writeHead(200, headers(getBody));
    res.end(getBody);
  },
);
server.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
