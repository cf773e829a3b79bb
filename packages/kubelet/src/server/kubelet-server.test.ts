import { createServer } from 'node:net';
import http from 'node:http';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiError } from '@kubelab/api';
import { resizeReportingSession } from '../streaming/testing/local-exec-session.js';
import type { TestKubelet, TestKubeletOverrides } from './testing/test-kubelet.js';
import { kubeletRequest, startTestKubelet } from './testing/test-kubelet.js';

let kubelets: TestKubelet[] = [];

async function kubelet(overrides: TestKubeletOverrides = {}): Promise<TestKubelet> {
  const k = await startTestKubelet(overrides);
  kubelets.push(k);
  return k;
}

afterEach(async () => {
  await Promise.all(kubelets.map((k) => k.server.close()));
  kubelets = [];
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function status(body: string): unknown {
  return JSON.parse(body);
}

describe('kubelet server: authentication and authorization', () => {
  it('answers /healthz to anybody and everything else only to authenticated callers', async () => {
    const k = await kubelet();
    expect(await kubeletRequest(k, '/healthz')).toMatchObject({ status: 200, body: 'ok' });
    const r = await kubeletRequest(k, '/pods');
    expect(r.status).toBe(401);
    expect(status(r.body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('authenticates the apiserver by its client certificate and asks the authorizer about nodes/proxy', async () => {
    const k = await kubelet();
    const r = await kubeletRequest(k, '/containerLogs/default/web/main', { cert: k.pki.apiserverClient });
    expect(r.status).toBe(200);
    expect(k.authorizations).toEqual([
      {
        user: { name: 'kube-apiserver-kubelet-client', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
        verb: 'get',
        resource: 'nodes',
        subresource: 'proxy',
        name: 'node-1',
        path: '/containerLogs/default/web/main',
      },
    ]);
  });

  it('refuses certificates of another CA and unknown tokens', async () => {
    const k = await kubelet();
    expect((await kubeletRequest(k, '/pods', { cert: k.pki.strangerClient })).status).toBe(401);
    expect((await kubeletRequest(k, '/pods', { token: 'bad-token' })).status).toBe(401);
  });

  it('forbids what the authorizer denies, naming every subresource tried', async () => {
    const k = await kubelet();
    const r = await kubeletRequest(k, '/containerLogs/default/web/main', { token: 'good-token' });
    expect(r.status).toBe(403);
    expect(status(r.body)).toMatchObject({
      reason: 'Forbidden',
      code: 403,
      message: 'Forbidden (user=system:serviceaccount:kube-system:metrics, verb=get, resource=nodes, subresource(s)=[proxy])',
    });
    const pods = await kubeletRequest(k, '/pods', { token: 'good-token' });
    expect(pods.status).toBe(200);
    expect(k.authorizations.slice(-1)[0]).toMatchObject({ subresource: 'pods', user: { groups: ['system:serviceaccounts', 'system:authenticated'] } });
  });

  it('reports a failing authorizer as a 500', async () => {
    const k = await kubelet({ authorize: () => Promise.reject(new Error('apiserver down')) });
    const r = await kubeletRequest(k, '/pods', { token: 'good-token' });
    expect(r.status).toBe(500);
    expect(status(r.body)).toMatchObject({
      message: 'Authorization error (user=system:serviceaccount:kube-system:metrics, verb=get, resource=nodes, subresource(s)=[pods proxy])',
    });
  });

  it('lets anonymous callers in as system:anonymous when enabled, and allows everything without an authorizer', async () => {
    const k = await kubelet({ anonymousAuth: true, authorize: undefined });
    expect((await kubeletRequest(k, '/pods')).status).toBe(200);
  });
});

describe('kubelet server: routes', () => {
  it('lists its pods as a PodList', async () => {
    const k = await kubelet();
    const r = await kubeletRequest(k, '/pods', { cert: k.pki.apiserverClient });
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toMatchObject({ kind: 'PodList', apiVersion: 'v1', items: [{ metadata: { name: 'web' } }] });
  });

  it('answers unknown paths and methods with a Status', async () => {
    const k = await kubelet();
    const r = await kubeletRequest(k, '/stats/summary', { cert: k.pki.apiserverClient });
    expect(r.status).toBe(404);
    expect(status(r.body)).toMatchObject({ reason: 'NotFound', message: '404 page not found' });
    expect((await kubeletRequest(k, '/pods', { method: 'POST', cert: k.pki.apiserverClient })).status).toBe(405);
  });

  it('serves verbose healthz with the core checks and withholds failure reasons', async () => {
    let healthy = true;
    const k = await kubelet({ healthChecks: [{ name: 'syncloop', check: () => (healthy ? undefined : 'sync loop took longer than expected') }] });
    expect((await kubeletRequest(k, '/healthz?verbose')).body).toBe('[+]ping ok\n[+]log ok\n[+]syncloop ok\nhealthz check passed\n');
    healthy = false;
    const r = await kubeletRequest(k, '/healthz');
    expect(r).toMatchObject({ status: 500, body: '[+]ping ok\n[+]log ok\n[-]syncloop failed: reason withheld\nhealthz check failed\n' });
    expect((await kubeletRequest(k, '/healthz?exclude=syncloop')).body).toBe('ok');
    expect(await kubeletRequest(k, '/healthz/syncloop')).toMatchObject({ status: 500, body: 'internal server error: sync loop took longer than expected\n' });
  });

  it('runs the plain HTTP healthz listener', async () => {
    const healthzPort = await freePort();
    const k = await kubelet({ healthzPort });
    expect(k.healthzPort).toBe(healthzPort);
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve) => {
        http.get({ host: '127.0.0.1', port: healthzPort, path }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok' });
    expect((await get('/pods')).status).toBe(404);
  });
});

describe('kubelet server: containerLogs', () => {
  it('streams the log with the decoded options', async () => {
    const k = await kubelet({ logTarget: { logPath: '/etc/hostname', running: true } });
    const r = await kubeletRequest(k, '/containerLogs/default/web/main?follow=true&tailLines=2&timestamps=true&limitBytes=100&sinceTime=2026-11-27T23:07:03Z', {
      cert: k.pki.apiserverClient,
    });
    expect(r).toMatchObject({ status: 200, body: 'line 1\nline 2\n' });
    expect(r.headers['content-type']).toBe('text/plain');
    const call = k.logCalls[0];
    expect(call?.ref).toEqual({ namespace: 'default', pod: 'web', container: 'main' });
    expect(call?.previous).toBe(false);
    expect(call?.opts).toMatchObject({ follow: true, tailLines: 2, timestamps: true, limitBytes: 100, sinceTime: new Date('2026-11-27T23:07:03Z') });
  });

  it('does not follow a container that is not running', async () => {
    const k = await kubelet({ logTarget: { logPath: '/etc/hostname', running: false } });
    await kubeletRequest(k, '/containerLogs/default/web/main?follow=true&previous=true', { cert: k.pki.apiserverClient });
    expect(k.logCalls[0]).toMatchObject({ previous: true, opts: { follow: false } });
  });

  it('answers the core texts with 400 and its ApiErrors with their code', async () => {
    const waiting = await kubelet({ logTarget: 'container "main" in pod "web" is waiting to start: ContainerCreating' });
    const r = await kubeletRequest(waiting, '/containerLogs/default/web/main', { cert: waiting.pki.apiserverClient });
    expect(r.status).toBe(400);
    expect(status(r.body)).toMatchObject({ reason: 'BadRequest', message: 'container "main" in pod "web" is waiting to start: ContainerCreating' });
    const missing = await kubelet({
      resolveContainerLog: () => {
        throw new ApiError('NotFound', 'pod "nope" does not exist');
      },
    });
    const m = await kubeletRequest(missing, '/containerLogs/default/nope/main', { cert: missing.pki.apiserverClient });
    expect(m.status).toBe(404);
    expect(status(m.body)).toMatchObject({ message: 'pod "nope" does not exist' });
  });

  it('rejects undecodable and invalid options, and a log file that is gone', async () => {
    const k = await kubelet({ logTarget: { logPath: '/nonexistent/0.log', running: false } });
    const bad = await kubeletRequest(k, '/containerLogs/default/web/main?follow=maybe', { cert: k.pki.apiserverClient });
    expect([bad.status, (status(bad.body) as { message: string }).message]).toEqual([400, 'Unable to decode query.']);
    const invalid = await kubeletRequest(k, '/containerLogs/default/web/main?tailLines=-3', { cert: k.pki.apiserverClient });
    expect([invalid.status, (status(invalid.body) as { message: string }).message]).toEqual([422, 'Invalid request.']);
    const gone = await kubeletRequest(k, '/containerLogs/default/web/main', { cert: k.pki.apiserverClient });
    expect(gone.status).toBe(400);
    expect((status(gone.body) as { message: string }).message).toMatch(/^failed to open log file "\/nonexistent\/0.log": ENOENT/);
  });
});

describe('kubelet server: exec', () => {
  function wsExec(k: TestKubelet, path: string): Promise<{ messages: Buffer[]; code: number; status?: number }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`wss://127.0.0.1:${k.port}${path}`, ['v5.channel.k8s.io'], {
        ca: k.pki.ca.certPem,
        cert: k.pki.apiserverClient.certPem,
        key: k.pki.apiserverClient.keyPem,
      });
      const messages: Buffer[] = [];
      ws.on('message', (d) => messages.push(Buffer.from(d as Buffer)));
      ws.on('close', (code) => resolve({ messages, code }));
      ws.on('unexpected-response', (_req, res) => resolve({ messages, code: 0, status: res.statusCode }));
      ws.on('error', reject);
    });
  }

  it('runs the command over WebSocket with the remotecommand parameter names', async () => {
    const k = await kubelet();
    const r = await wsExec(k, '/exec/default/web/main?command=sh&command=-c&command=echo%20hi%3B%20exit%202&output=1&error=1');
    expect(k.execCalls).toEqual([{ ref: { namespace: 'default', pod: 'web', container: 'main' }, command: ['sh', '-c', 'echo hi; exit 2'] }]);
    expect(r.code).toBe(1000);
    expect(r.messages.map((m) => [m[0], m.subarray(1).toString()])).toEqual([
      [1, ''],
      [1, 'hi\n'],
      [
        3,
        '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c echo hi; exit 2], exit code 2","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"2"}]}}',
      ],
    ]);
    expect(k.authorizations[0]).toMatchObject({ verb: 'get', subresource: 'proxy', path: '/exec/default/web/main' });
  });

  it('passes resizes to the session of a terminal', async () => {
    const session = resizeReportingSession(1);
    const k = await kubelet({ session: () => session });
    const ws = new WebSocket(`wss://127.0.0.1:${k.port}/exec/default/web/main?command=sh&input=1&output=1&tty=1`, ['v5.channel.k8s.io'], {
      ca: k.pki.ca.certPem,
      cert: k.pki.apiserverClient.certPem,
      key: k.pki.apiserverClient.keyPem,
    });
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":100,"Height":40}\n')]));
    await new Promise((resolve) => ws.on('close', resolve));
    expect(session.sizes).toEqual([{ width: 100, height: 40 }]);
  });

  it('answers failures before the switch with a Status, without starting anything twice', async () => {
    const k = await kubelet();
    const noPod = await wsExec(k, '/exec/default/nope/main?command=ls&output=1');
    expect(noPod.status).toBe(404);
    const noStream = await wsExec(k, '/exec/default/web/main?command=ls');
    expect(noStream.status).toBe(400);
    expect(k.execCalls.map((c) => c.ref.pod)).toEqual(['nope']);
    const plain = await kubeletRequest(k, '/exec/default/web/main?command=ls&output=1', { method: 'POST', cert: k.pki.apiserverClient });
    expect(plain.status).toBe(400);
    expect(status(plain.body)).toMatchObject({ message: 'Upgrade request required' });
  });

  it('refuses unauthenticated upgrades', async () => {
    const k = await kubelet();
    const r = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`wss://127.0.0.1:${k.port}/exec/default/web/main?command=ls&output=1`, ['v5.channel.k8s.io'], { ca: k.pki.ca.certPem });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(r).toBe(401);
    expect(k.execCalls).toEqual([]);
  });
});

describe('kubelet server: port-forward', () => {
  function wsPortForward(k: TestKubelet, path: string): Promise<{ messages: Buffer[]; code: number; status?: number; body?: string }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`wss://127.0.0.1:${k.port}${path}`, ['v4.channel.k8s.io'], {
        ca: k.pki.ca.certPem,
        cert: k.pki.apiserverClient.certPem,
        key: k.pki.apiserverClient.keyPem,
      });
      const messages: Buffer[] = [];
      ws.on('message', (d) => messages.push(Buffer.from(d as Buffer)));
      ws.on('close', (code) => resolve({ messages, code }));
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ messages, code: 0, status: res.statusCode, body }));
      });
      ws.on('error', reject);
    });
  }

  it('forwards to the port through the core\'s forwarder, authorized as nodes/proxy', async () => {
    const refs: unknown[] = [];
    const k = await kubelet({
      portForward: (ref) => {
        refs.push(ref);
        return { podName: 'sb', uid: '', portForward: (port, stream) => new Promise<void>((resolve) => stream.end(`port ${port}`, resolve)) };
      },
    });
    const r = await wsPortForward(k, '/portForward/default/web/uid-web?port=8080');
    expect(refs).toEqual([{ namespace: 'default', pod: 'web', podUid: 'uid-web' }]);
    expect(r.code).toBe(1000);
    expect(r.messages.map((m) => [m[0], m.subarray(1)])).toEqual([
      [0, Buffer.from([0x90, 0x1f])],
      [1, Buffer.from([0x90, 0x1f])],
      [0, Buffer.from('port 8080')],
    ]);
    expect(k.authorizations.map((a) => `${a.verb} ${a.subresource}`)).toEqual(['get proxy']);
  });

  it('answers refusals before the switch: no upgrade, a bad query, an unknown pod, no forwarder', async () => {
    const k = await kubelet({
      portForward: (ref) => {
        throw new ApiError('NotFound', `pod does not exist: ${ref.pod}`);
      },
    });
    const plain = await kubeletRequest(k, '/portForward/default/web', { method: 'POST', cert: k.pki.apiserverClient });
    expect(plain.status).toBe(400);
    expect(status(plain.body)).toMatchObject({ message: 'Upgrade request required' });
    expect(await wsPortForward(k, '/portForward/default/web')).toMatchObject({ status: 400, body: expect.stringContaining('query parameter \\"port\\" is required') as unknown });
    expect(await wsPortForward(k, '/portForward/default/nope?port=80')).toMatchObject({ status: 404, body: expect.stringContaining('pod does not exist: nope') as unknown });
    const without = await kubelet();
    expect(await wsPortForward(without, '/portForward/default/web?port=80')).toMatchObject({ status: 404 });
  });
});

describe('kubelet server: attach', () => {
  it('attaches through the core and detaches when the client goes away', async () => {
    const calls: { ref: unknown; opts: unknown }[] = [];
    let detached: () => void = () => undefined;
    const detachedNow = new Promise<void>((resolve) => (detached = resolve));
    const k = await kubelet({
      attach: (ref, opts, signal) => {
        calls.push({ ref, opts });
        const stdout = new PassThrough();
        const ended = new Promise<number>((resolve) =>
          signal.addEventListener('abort', () => {
            stdout.end();
            detached();
            resolve(0);
          }),
        );
        stdout.write('attached\n');
        return Promise.resolve({ stdin: undefined, stdout, stderr: undefined, resize: () => Promise.resolve(), wait: () => ended });
      },
    });
    const ws = new WebSocket(`wss://127.0.0.1:${k.port}/attach/default/web/main?output=1&error=1`, ['v5.channel.k8s.io'], {
      ca: k.pki.ca.certPem,
      cert: k.pki.apiserverClient.certPem,
      key: k.pki.apiserverClient.keyPem,
    });
    const first = await new Promise<Buffer>((resolve) => ws.on('message', (d: Buffer) => d.length > 1 && resolve(d)));
    expect(first.subarray(1).toString()).toBe('attached\n');
    ws.close();
    await detachedNow;
    expect(calls).toEqual([{ ref: { namespace: 'default', pod: 'web', container: 'main' }, opts: { stdin: false, stdout: true, stderr: true, tty: false } }]);
  });
});
