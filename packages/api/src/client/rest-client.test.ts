import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, isAlreadyExists, isNotFound } from '../errors.js';
import { createCertificateAuthority, issueCertificate } from '../pki/index.js';
import { findResource, type ResourceInfo } from '../resources.js';
import { sendJson, startScriptedServer, type ScriptedServer } from '../testing/scripted-server.js';
import type { Pod } from '../types/index.js';
import { createRestClient, type RestClient } from './rest-client.js';

function resource(group: string, plural: string): ResourceInfo {
  const info = findResource(group, 'v1', plural);
  if (!info) throw new Error(`no ${plural}`);
  return info;
}
const PODS = resource('', 'pods');
const NODES = resource('', 'nodes');
const DEPLOYMENTS = resource('apps', 'deployments');

const pod = (name: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
});

describe('createRestClient', () => {
  let server: ScriptedServer;
  let client: RestClient;

  beforeEach(async () => {
    server = await startScriptedServer();
    client = createRestClient(
      { server: server.url, token: 'tok' },
      { userAgent: 'kubelab-test/v1.30.0 (linux/amd64) kubernetes/abc' },
    );
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('sends client-go headers and reuses one keep-alive connection', async () => {
    server.handle((_req, res) => sendJson(res, 200, pod('web')));
    await client.resource<Pod>(PODS, 'default').get('web');
    await client.resource<Pod>(PODS, 'default').get('web');
    const [first, second] = server.requests;
    expect(first?.headers).toMatchObject({
      'user-agent': 'kubelab-test/v1.30.0 (linux/amd64) kubernetes/abc',
      accept: 'application/json',
      authorization: 'Bearer tok',
    });
    expect(first?.url.pathname).toBe('/api/v1/namespaces/default/pods/web');
    expect(second?.connection).toBe(first?.connection);
  });

  it('builds collection, object and subresource paths from the resource table', async () => {
    server.handle((req, res) =>
      sendJson(res, 200, { kind: 'List', metadata: {}, items: [], path: req.url.pathname }),
    );
    await client.resource(PODS).list();
    await client.resource(NODES, 'ignored').get('n1');
    await client.resource(DEPLOYMENTS, 'prod').list({
      labelSelector: 'app=web,tier!=db',
      fieldSelector: 'metadata.name=x',
      limit: 500,
      continue: 'abc',
      resourceVersion: '0',
    });
    await client.resource<Pod>(PODS, 'default').updateStatus(pod('web'));
    await client
      .resource(PODS, 'default')
      .patch('web', 'merge', { spec: {} }, { subresource: 'status' });
    const urls = server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`);
    expect(urls).toEqual([
      'GET /api/v1/pods',
      'GET /api/v1/nodes/n1',
      'GET /apis/apps/v1/namespaces/prod/deployments?labelSelector=app%3Dweb%2Ctier%21%3Ddb&fieldSelector=metadata.name%3Dx&limit=500&continue=abc&resourceVersion=0',
      'PUT /api/v1/namespaces/default/pods/web/status',
      'PATCH /api/v1/namespaces/default/pods/web/status',
    ]);
  });

  it('creates in the object namespace with write options and a JSON body', async () => {
    server.handle((req, res) => sendJson(res, 201, JSON.parse(req.body)));
    const created = await client.resource<Pod>(PODS).create(pod('web'), {
      dryRun: true,
      fieldManager: 'kubectl-create',
      fieldValidation: 'Strict',
    });
    expect(created.metadata?.name).toBe('web');
    const req = server.requests[0];
    expect(`${req?.url.pathname}${req?.url.search}`).toBe(
      '/api/v1/namespaces/default/pods?dryRun=All&fieldManager=kubectl-create&fieldValidation=Strict',
    );
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual(pod('web'));
  });

  it('sends each patch type with its content type', async () => {
    server.handle((_req, res) => sendJson(res, 200, pod('web')));
    const pods = client.resource<Pod>(PODS, 'default');
    await pods.patch('web', 'merge', { metadata: { labels: { a: 'b' } } });
    await pods.patch('web', 'strategic', { spec: { containers: [] } });
    await pods.patch('web', 'json', [{ op: 'remove', path: '/metadata/labels/a' }]);
    await pods.patch('web', 'apply', pod('web'), { fieldManager: 'kubectl', force: false });
    expect(server.requests.map((r) => r.headers['content-type'])).toEqual([
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
      'application/json-patch+json',
      'application/apply-patch+yaml',
    ]);
    expect(server.requests[2]?.body).toBe('[{"op":"remove","path":"/metadata/labels/a"}]');
    expect(server.requests[3]?.url.search).toBe('?fieldManager=kubectl&force=false');
  });

  it('deletes with DeleteOptions in the body and returns the object or Status', async () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'web', kind: 'pods' },
    };
    server.handle((_req, res) => sendJson(res, 200, status));
    const out = await client.resource(PODS, 'default').delete('web', {
      gracePeriodSeconds: 0,
      propagationPolicy: 'Background',
      preconditions: { uid: 'u1' },
    });
    expect(out).toEqual(status);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      gracePeriodSeconds: 0,
      preconditions: { uid: 'u1' },
      propagationPolicy: 'Background',
    });
  });

  it('turns a Status body into the ApiError the server described', async () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'pods' },
      code: 404,
    };
    server.handle((_req, res) => sendJson(res, 404, status));
    const err = await client
      .resource(PODS, 'default')
      .get('nope')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(isNotFound(err)).toBe(true);
    expect((err as ApiError).message).toBe('pods "nope" not found');
    expect((err as ApiError).toStatus()).toEqual(status);
  });

  it('turns other error bodies into client-go generic errors', async () => {
    server.handle((req, res) => {
      res.writeHead(req.method === 'POST' ? 409 : 503, { 'Content-Type': 'text/plain' });
      res.end('upstream connect error\n');
    });
    const conflict = await client
      .resource(DEPLOYMENTS, 'prod')
      .create({ metadata: { name: 'x' } })
      .catch((e: unknown) => e);
    expect(isAlreadyExists(conflict)).toBe(true);
    expect((conflict as Error).message).toBe(
      'the server reported a conflict (post deployments.apps)',
    );
    const down = await client
      .resource(PODS, 'default')
      .get('web')
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 503, reason: 'InternalError' });
    expect((down as Error).message).toBe(
      'an error on the server ("upstream connect error") has prevented the request from succeeding (get pods web)',
    );
  });

  it('makes raw requests for subresources and can hand back a stream', async () => {
    server.handle((req, res) => {
      if (req.url.pathname.endsWith('/log')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('line 1\n');
        res.end('line 2\n');
        return;
      }
      sendJson(res, 201, { kind: 'Status', status: 'Success' });
    });
    const bound = await client.request({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods/web/binding',
      body: { target: { kind: 'Node', name: 'n1' } },
    });
    expect(bound).toEqual({ kind: 'Status', status: 'Success' });
    const text = await client.request({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods/web/log',
      query: { container: 'c' },
      accept: '*/*',
    });
    expect(text).toBe('line 1\nline 2\n');
    const stream = await client.request({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods/web/log',
      query: { follow: true },
      stream: true,
    });
    let streamed = '';
    for await (const chunk of stream) streamed += String(chunk);
    expect(streamed).toBe('line 1\nline 2\n');
    expect(server.requests[1]?.headers.accept).toBe('*/*');
  });

  it('refuses object calls on a namespaced resource without a namespace', async () => {
    await expect(client.resource(PODS).get('web')).rejects.toThrow(
      'a namespace is required for pods "web"',
    );
  });

  it('times out requests, but not watches', async () => {
    server.handle(() => {
      // never answers
    });
    await expect(
      client.request({ method: 'GET', path: '/version', timeoutMs: 20 }),
    ).rejects.toMatchObject({
      code: 'ETIMEDOUT',
      message: expect.stringContaining(`Get "${server.url}/version": context deadline exceeded`),
    });
  });
});

describe('createRestClient over TLS', () => {
  it('trusts the connection CA and presents the client certificate', async () => {
    const ca = await createCertificateAuthority({ commonName: 'kubernetes' });
    const serving = await issueCertificate(ca, {
      commonName: 'apiserver',
      ipAddresses: ['127.0.0.1'],
      usage: 'server',
    });
    const server = await startScriptedServer({
      tls: { cert: serving.certPem, key: serving.keyPem },
    });
    server.handle((_req, res) => sendJson(res, 200, { gitVersion: 'v1.30.0' }));
    const good = createRestClient({ server: server.url, caData: Buffer.from(ca.certPem) });
    const other = await createCertificateAuthority({ commonName: 'other' });
    const bad = createRestClient({ server: server.url, caData: Buffer.from(other.certPem) });
    const insecure = createRestClient({ server: server.url, insecureSkipTlsVerify: true });
    try {
      expect(await good.request({ method: 'GET', path: '/version' })).toEqual({
        gitVersion: 'v1.30.0',
      });
      expect(await insecure.request({ method: 'GET', path: '/version' })).toEqual({
        gitVersion: 'v1.30.0',
      });
      await expect(bad.request({ method: 'GET', path: '/version' })).rejects.toMatchObject({
        code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      });
    } finally {
      for (const c of [good, bad, insecure]) c.close();
      await server.close();
    }
  });
});

describe('connection failures', () => {
  it('are plain errors that keep the errno code', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = createRestClient({ server: `http://127.0.0.1:${port}` });
    const err = await client
      .resource(PODS, 'default')
      .list()
      .catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED' });
    expect((err as Error).message).toBe(
      `Get "http://127.0.0.1:${port}/api/v1/namespaces/default/pods": connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    client.close();
  });
});
