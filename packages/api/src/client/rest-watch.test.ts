import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGone } from '../errors.js';
import { findResource, type ResourceInfo } from '../resources.js';
import { sendJson, startScriptedServer, type ScriptedServer } from '../testing/scripted-server.js';
import type { WatchEvent } from '../types/index.js';
import { createRestClient, type RestClient } from './rest-client.js';

const PODS = findResource('', 'v1', 'pods') as ResourceInfo;
const event = (type: string, name: string, rv: string): string =>
  JSON.stringify({
    type,
    object: { kind: 'Pod', apiVersion: 'v1', metadata: { name, resourceVersion: rv } },
  }) + '\n';

describe('ResourceClient.watch', () => {
  let server: ScriptedServer;
  let client: RestClient;
  let open: ServerResponse[];

  beforeEach(async () => {
    server = await startScriptedServer();
    client = createRestClient({ server: server.url }, { timeoutMs: 20 });
    open = [];
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('streams events split across chunks and ends when the server ends the response', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const all =
        event('ADDED', 'a', '11') + event('MODIFIED', 'a', '12') + event('DELETED', 'a', '13');
      res.write(all.slice(0, 10));
      res.write(all.slice(10, 150));
      res.end(all.slice(150));
    });
    const seen: string[] = [];
    for await (const ev of client.resource(PODS, 'default').watch({
      resourceVersion: '10',
      allowWatchBookmarks: true,
      timeoutSeconds: 300,
      labelSelector: 'app=web',
    })) {
      seen.push(`${ev.type} ${ev.object.metadata?.resourceVersion}`);
    }
    expect(seen).toEqual(['ADDED 11', 'MODIFIED 12', 'DELETED 13']);
    expect(server.requests[0]?.url.search).toBe(
      '?resourceVersion=10&labelSelector=app%3Dweb&allowWatchBookmarks=true&timeoutSeconds=300&watch=true',
    );
  });

  it('surfaces ERROR events as events', async () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'too old resource version: 1 (50)',
      reason: 'Expired',
      code: 410,
    };
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ type: 'ERROR', object: status }) + '\n');
    });
    const events: WatchEvent[] = [];
    for await (const ev of client.resource(PODS).watch({ resourceVersion: '1' })) events.push(ev);
    expect(events).toEqual([{ type: 'ERROR', object: status }]);
  });

  it('throws an ApiError when the watch request itself fails', async () => {
    server.handle((_req, res) =>
      sendJson(res, 410, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        reason: 'Expired',
        message: 'too old resource version: 1 (50)',
        code: 410,
      }),
    );
    const iterate = async (): Promise<void> => {
      for await (const _ of client.resource(PODS).watch({ resourceVersion: '1' })) {
        // no events expected
      }
    };
    const err = await iterate().catch((e: unknown) => e);
    expect(isGone(err)).toBe(true);
    expect((err as Error).message).toBe('too old resource version: 1 (50)');
  });

  it('is not cut by the request timeout, and ends quietly when its signal aborts', async () => {
    server.handle((req, res) => {
      if (req.url.pathname === '/hang') return;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(event('ADDED', 'a', '1'));
      open.push(res);
    });
    const ctl = new AbortController();
    const it = client.resource(PODS).watch({ signal: ctl.signal })[Symbol.asyncIterator]();
    expect((await it.next()).value?.type).toBe('ADDED');
    // A plain request with the same client times out; the watch outlives it.
    await expect(client.request({ method: 'GET', path: '/hang' })).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    });
    open[0]?.write(event('MODIFIED', 'a', '2'));
    expect((await it.next()).value?.type).toBe('MODIFIED');
    const pending = it.next();
    ctl.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('ends quietly when aborted before the response arrives', async () => {
    server.handle(() => {
      // never answers
    });
    const ctl = new AbortController();
    const it = client.resource(PODS).watch({ signal: ctl.signal })[Symbol.asyncIterator]();
    const pending = it.next();
    ctl.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('throws an error with a code when the connection drops mid-stream', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(event('ADDED', 'a', '1'), () => open.push(res));
    });
    const it = client.resource(PODS).watch()[Symbol.asyncIterator]();
    expect((await it.next()).value?.type).toBe('ADDED');
    const pending = it.next();
    open[0]?.socket?.destroy();
    await expect(pending).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
