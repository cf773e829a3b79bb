import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../testing/index.js';
import { startHealthServer, type HealthServer } from './health-server.js';
import { selfSignedServingCertificate } from './serving-certificate.js';
import { httpsGet } from './testing/https-get.js';

describe('startHealthServer', () => {
  let server: HealthServer;
  let ready = false;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    server = await startHealthServer({
      bindAddress: '127.0.0.1',
      port: 0,
      tls: await selfSignedServingCertificate(Date.parse('2026-01-02T00:00:00Z')),
      checks: { readyz: [{ name: 'sched-handler-sync', check: () => (ready ? undefined : 'waiting for handlers to sync') }] },
      logger,
    });
  });
  afterAll(() => server.close());

  it('serves health over HTTPS with a self-signed localhost certificate', async () => {
    const r = await httpsGet(server.port, '/healthz');
    expect(r).toMatchObject({ status: 200, body: 'ok' });
    expect(r.cn).toBe(`localhost@${Date.parse('2026-01-02T00:00:00Z') / 1000}`);
    expect(server.serving).toBe(`Serving securely on 127.0.0.1:${server.port}`);
    expect((await httpsGet(server.port, '/livez?verbose')).body).toBe('[+]ping ok\n[+]log ok\nlivez check passed\n');
  });

  it('reports readiness from the component checks', async () => {
    ready = false;
    expect(await httpsGet(server.port, '/readyz')).toMatchObject({
      status: 500,
      body: '[+]ping ok\n[+]log ok\n[-]sched-handler-sync failed: reason withheld\nreadyz check failed\n',
    });
    ready = true;
    expect(await httpsGet(server.port, '/readyz')).toMatchObject({ status: 200, body: 'ok' });
    expect(await httpsGet(server.port, '/readyz/sched-handler-sync')).toMatchObject({ status: 200, body: 'ok' });
    expect(await httpsGet(server.port, '/readyz/nope')).toMatchObject({ status: 404, body: '404 page not found\n' });
  });

  it('forbids other paths to anonymous users with a Status', async () => {
    const r = await httpsGet(server.port, '/metrics');
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'forbidden: User "system:anonymous" cannot get path "/metrics"',
      reason: 'Forbidden',
      details: {},
      code: 403,
    });
  });
});
