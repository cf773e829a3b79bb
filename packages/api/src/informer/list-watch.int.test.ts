/**
 * The informer over the real REST client and a real HTTP server that dies, refuses
 * connections, comes back with a new history (410) and keeps serving.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRestClient, type RestClient } from '../client/rest-client.js';
import { findResource, type ResourceInfo } from '../resources.js';
import { FakeClock, RecordingLogger } from '../testing/index.js';
import { sendJson, startScriptedServer, type ScriptedServer } from '../testing/scripted-server.js';
import type { ApiObject } from '../types/index.js';
import type { Informer } from './informer.js';
import { createInformer } from './list-watch.js';

const PODS = findResource('', 'v1', 'pods') as ResourceInfo;
const pod = (name: string, rv: string): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', resourceVersion: rv },
});
const line = (type: string, obj: ApiObject): string => JSON.stringify({ type, object: obj }) + '\n';

/** An apiserver stand-in: a list of pods at one resourceVersion, and open watches to push to. */
function serve(
  server: ScriptedServer,
  items: ApiObject[],
  rv: string,
  watches: ServerResponse[],
): void {
  server.handle((req, res) => {
    if (req.url.searchParams.get('watch') !== 'true') {
      sendJson(res, 200, {
        kind: 'PodList',
        apiVersion: 'v1',
        metadata: { resourceVersion: rv },
        items,
      });
      return;
    }
    if (Number(req.url.searchParams.get('resourceVersion')) < Number(rv)) {
      sendJson(res, 410, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${req.url.searchParams.get('resourceVersion')} (${rv})`,
        reason: 'Expired',
        code: 410,
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
    watches.push(res);
  });
}

describe('informer over HTTP', () => {
  let server: ScriptedServer | undefined;
  let client: RestClient | undefined;
  let informer: Informer<ApiObject> | undefined;

  afterEach(async () => {
    informer?.stop();
    client?.close();
    await server?.close();
  });

  it('survives the apiserver dying, refusing connections and returning with a new history', async () => {
    server = await startScriptedServer();
    const port = Number(new URL(server.url).port);
    const watches: ServerResponse[] = [];
    serve(server, [pod('a', '1')], '1', watches);

    const clock = new FakeClock();
    const logger = new RecordingLogger();
    client = createRestClient({ server: server.url });
    informer = createInformer({
      client: client.resource(PODS, 'default'),
      clock,
      logger,
      backoff: { random: () => 0 },
    });
    const seen: string[] = [];
    const waiters: (() => void)[] = [];
    const record = (s: string): void => {
      seen.push(s);
      waiters.splice(0).forEach((w) => w());
    };
    const until = async (n: number): Promise<string[]> => {
      while (seen.length < n) await new Promise<void>((r) => waiters.push(r));
      return seen;
    };
    informer.on('add', (o) => record(`add ${o.metadata?.name}`));
    informer.on('update', (o) => record(`update ${o.metadata?.name}`));
    informer.on('delete', (o) => record(`delete ${o.metadata?.name}`));
    informer.start();
    await informer.waitForSync();
    while (watches.length === 0) await new Promise<void>((r) => setImmediate(r));
    watches[0]?.write(line('ADDED', pod('b', '2')));
    expect(await until(2)).toEqual(['add a', 'add b']);

    // The apiserver dies: the open watch breaks, then connections are refused.
    await server.close();
    await clock.waitForSleepers(1);
    clock.advanceToNext();
    await clock.waitForSleepers(1);
    expect(clock.sleeps).toEqual([200, 400]);
    expect(logger.at('error')).toHaveLength(1);
    const refused = logger.entries.find(
      (e) => (e.fields['err'] as { code?: string } | undefined)?.code === 'ECONNREFUSED',
    );
    expect(refused?.level).toBe('debug');

    // It comes back on the same port with a fresh history: the watch from rv 2 gets HTTP 410,
    // the informer relists at once and reconciles the cache.
    server = await startScriptedServer({ port });
    const rewatches: ServerResponse[] = [];
    serve(server, [pod('b', '2'), pod('c', '7')], '7', rewatches);
    clock.advanceToNext();
    expect(await until(4)).toEqual(['add a', 'add b', 'delete a', 'add c']);
    while (rewatches.length === 0) await new Promise<void>((r) => setImmediate(r));
    rewatches[0]?.write(line('MODIFIED', pod('c', '8')));
    expect(await until(5)).toEqual(['add a', 'add b', 'delete a', 'add c', 'update c']);
    const paths = server.requests.map((r) =>
      r.url.searchParams.get('watch') === 'true'
        ? `watch@${r.url.searchParams.get('resourceVersion')}`
        : 'list',
    );
    expect(paths).toEqual(['watch@2', 'list', 'watch@7']);
    expect(logger.at('info').map((e) => e.msg)).toEqual(['Watch re-established']);
  });
});
