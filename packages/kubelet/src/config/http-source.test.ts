import {
  FakeClock,
  RecordingLogger,
  startScriptedServer,
  type ScriptedServer,
} from '@kubelab/api/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpSource, type HttpSourceOptions } from './http-source.js';
import { UpdateCollector, podYaml, podsOf } from './testing/manifests.js';

let server: ScriptedServer;
let clock: FakeClock;
let logger: RecordingLogger;
let ctl: AbortController;
let running: Promise<void> | undefined;
let body: string;

beforeEach(async () => {
  server = await startScriptedServer();
  clock = new FakeClock(0);
  logger = new RecordingLogger();
  ctl = new AbortController();
  body = podYaml('web', 'nginx:1');
  server.handle((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/yaml' });
    res.end(body);
  });
});

afterEach(async () => {
  ctl.abort();
  await running;
  running = undefined;
  await server.close();
});

function start(opts: Partial<HttpSourceOptions> = {}): UpdateCollector {
  const out = new UpdateCollector();
  const source = new HttpSource({
    url: `${server.url}/manifests`,
    nodeName: 'node1',
    clock,
    logger,
    ...opts,
  });
  running = source.run(out.emit, ctl.signal);
  return out;
}

/** Runs one more poll: waits until the source sleeps between polls, moves 20 s on, waits again. */
async function nextPoll(): Promise<void> {
  await clock.waitForSleepers(1);
  clock.advance(20_000);
  await clock.waitForSleepers(1);
}

describe('HttpSource', () => {
  it('polls the URL with the configured headers and sends the pods as a SET for source http', async () => {
    const out = start({ headers: { Authorization: 'Bearer t', 'X-Multi': ['a', 'b'] } });
    const first = await out.next();
    expect(first.op).toBe('SET');
    expect(first.source).toBe('http');
    expect(podsOf(first)).toEqual(['web-node1:nginx:1']);
    expect(first.pods[0]?.spec?.tolerations).toBeUndefined();
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url.pathname).toBe('/manifests');
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer t');
    expect(server.requests[0]?.headers['x-multi']).toBe('a, b');
  });

  it('sends nothing when the body has not changed, and a new SET when it has', async () => {
    const out = start();
    await out.next();
    await nextPoll();
    await clock.waitForSleepers(1);
    expect(server.requests).toHaveLength(2);
    expect(out.updates).toHaveLength(1);
    body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      items: [
        { metadata: { name: 'a' }, spec: { containers: [{ name: 'a', image: 'busybox' }] } },
        { metadata: { name: 'b' }, spec: { containers: [{ name: 'b', image: 'busybox' }] } },
      ],
    });
    await nextPoll();
    expect(podsOf(await out.next(undefined, 1))).toEqual(['a-node1:busybox', 'b-node1:busybox']);
    expect(clock.sleeps.every((ms) => ms === 20_000)).toBe(true);
  });

  it('sends an empty SET for an empty body, so that the source counts as seen', async () => {
    body = '';
    const out = start();
    expect(await out.next()).toEqual({ op: 'SET', source: 'http', pods: [] });
    await clock.waitForSleepers(1);
    expect(logger.entries[1]).toMatchObject({
      msg: 'Failed to read pods from URL',
      fields: { err: new Error(`zero-length data received from ${server.url}/manifests`) },
    });
  });

  it('logs three failures, then drops the verbosity, and says when it works again', async () => {
    server.handle((_req, res) => {
      res.writeHead(404, 'Not Found');
      res.end('nope');
    });
    const out = start();
    for (let i = 0; i < 5; i++) await nextPoll();
    await clock.waitForSleepers(1);
    const msgs = logger.entries.map((e) => `${e.level} ${e.msg}`);
    expect(msgs.slice(1, 6)).toEqual([
      'info Failed to read pods from URL',
      'info Failed to read pods from URL',
      'info Failed to read pods from URL',
      'info Failed to read pods from URL. Dropping verbosity of this message to V(4)',
      'debug Failed to read pods from URL',
    ]);
    expect(logger.entries[1]?.fields['err']).toEqual(
      new Error(`${server.url}/manifests: 404 Not Found`),
    );
    expect(out.updates).toHaveLength(0);
    server.handle((_req, res) => res.end(body));
    await nextPoll();
    expect(podsOf(out.updates[0])).toEqual(['web-node1:nginx:1']);
    expect(logger.entries.at(-1)?.msg).toBe('Successfully read pods from URL');
  });

  it('refuses a body that is neither a pod nor a pod list', async () => {
    body = 'kind: Service\napiVersion: v1\nmetadata: {name: s}\n';
    start();
    await clock.waitForSleepers(1);
    expect(String(logger.entries[1]?.fields['err'])).toContain(
      `received '${body}', but couldn't parse as single (invalid pod: &core.Service{`,
    );
  });

  it('reports a connection refused as Go does', async () => {
    const url = server.url;
    await server.close();
    const out = start({ url: `${url}/manifests` });
    await clock.waitForSleepers(1);
    expect(out.updates).toHaveLength(0);
    expect(logger.entries[1]?.fields['err']).toEqual(
      new Error(
        `Get "${url}/manifests": dial tcp ${url.slice('http://'.length)}: connect: connection refused`,
      ),
    );
    server = await startScriptedServer();
  });

  it('gives up on a request after the timeout', async () => {
    server.handle(() => {}); // never answers
    start({ timeoutMs: 50 });
    await clock.waitForSleepers(1);
    expect(String(logger.entries[1]?.fields['err'])).toBe(
      `Error: Get "${server.url}/manifests": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    );
  });
});
