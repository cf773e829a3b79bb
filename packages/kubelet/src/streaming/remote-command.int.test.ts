/**
 * The real kubectl against the remotecommand server: 1.32 over WebSocket v5, 1.32 with
 * KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false and 1.28 over SPDY/3.1. A local child process stands
 * behind the streams: this is a protocol test.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecSession } from '../runtime/container-runtime.js';
import { holdSessionOutput, serveExecSession } from './exec-session-bridge.js';
import { parseRemoteCommandOptions } from './remote-command-options.js';
import type { RemoteCommandTransport } from './remote-command-streams.js';
import { isUpgradeRejection, prepareRemoteCommandUpgrade } from './remote-command-upgrade.js';
import type { FakeApiServer } from './testing/fake-kube-apiserver.js';
import { startFakeApiServer } from './testing/fake-kube-apiserver.js';
import { resizeReportingSession, spawnExecSession } from './testing/local-exec-session.js';
import { KUBECTL_128, KUBECTL_132, runKubectl } from './testing/run-kubectl.js';
import { statusBody, writeUpgradeError } from './upgrade-response.js';

interface Seen {
  transport: RemoteCommandTransport;
  protocol: string;
  method: string;
}

let server: FakeApiServer;
let seen: Seen[] = [];
let nextSession: ((command: string[]) => ExecSession) | undefined;

function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
  const opts = parseRemoteCommandOptions(url.searchParams);
  if (typeof opts === 'string') {
    writeUpgradeError(socket, 400, statusBody(400, opts));
    return;
  }
  const prepared = prepareRemoteCommandUpgrade(req, opts);
  if (isUpgradeRejection(prepared)) {
    writeUpgradeError(socket, prepared.code, statusBody(prepared.code, prepared.message));
    return;
  }
  const command = url.searchParams.getAll('command');
  const session = holdSessionOutput((nextSession ?? spawnExecSession)(command));
  seen.push({ transport: prepared.transport, protocol: prepared.protocol, method: req.method ?? '' });
  void prepared.accept(socket, head).then((streams) => serveExecSession(session, streams, { kind: 'exec', command }));
}

beforeAll(async () => {
  server = await startFakeApiServer({ onUpgrade });
});

afterAll(async () => {
  await server.close();
});

const clients = [
  { name: 'kubectl 1.32 (WebSocket v5)', binary: KUBECTL_132, env: {}, transport: 'websocket', protocol: 'v5.channel.k8s.io' },
  {
    name: 'kubectl 1.32 (SPDY, websockets disabled)',
    binary: KUBECTL_132,
    env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' },
    transport: 'spdy',
    protocol: 'v4.channel.k8s.io',
  },
  { name: 'kubectl 1.28 (SPDY)', binary: KUBECTL_128, env: {}, transport: 'spdy', protocol: 'v4.channel.k8s.io' },
] as const;

describe.each(clients)('$name', (client) => {
  const exec = (args: string[], extra: { input?: Buffer; terminal?: { columns: number; rows: number } } = {}) => {
    seen = [];
    return runKubectl({ binary: client.binary, env: client.env, server, args: ['exec', ...args], ...extra });
  };

  it('streams stdout and stderr and exits 0', async () => {
    nextSession = undefined;
    const r = await exec(['seed', '--', 'sh', '-c', 'echo out; echo err >&2']);
    expect(r.stderr).toBe('err\n');
    expect(r.stdout.toString()).toBe('out\n');
    expect(r.code).toBe(0);
    expect(seen).toEqual([{ transport: client.transport, protocol: client.protocol, method: client.transport === 'spdy' ? 'POST' : 'GET' }]);
  });

  it('reports a non-zero exit code as kubectl does for a real cluster', async () => {
    nextSession = undefined;
    const r = await exec(['seed', '--', 'sh', '-c', 'echo partial; exit 3']);
    expect(r.stdout.toString()).toBe('partial\n');
    expect(r.stderr).toContain('command terminated with exit code 3');
    expect(r.code).toBe(3);
  });

  it('pipes 1 MiB of stdin through cat intact', async () => {
    nextSession = undefined;
    const input = randomBytes(1024 * 1024);
    const r = await exec(['-i', 'seed', '--', 'cat'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(input.length);
    expect(createHash('sha256').update(r.stdout).digest('hex')).toBe(createHash('sha256').update(input).digest('hex'));
  });

  it('passes the terminal size with -t', async () => {
    const session = resizeReportingSession(1);
    nextSession = () => session;
    const r = await exec(['-it', 'seed', '--', 'sh'], { terminal: { columns: 123, rows: 45 } });
    expect(session.sizes[0]).toEqual({ width: 123, height: 45 });
    expect(r.stdout.toString()).toContain('size 123x45');
    expect(r.code).toBe(0);
  });
});
