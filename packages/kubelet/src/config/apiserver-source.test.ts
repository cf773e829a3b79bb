import { findResource, type Pod, type ResourceInfo } from '@kubelab/api';
import { FakeClock, FakeResourceClient, RecordingLogger } from '@kubelab/api/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiserverSource } from './apiserver-source.js';
import { UpdateCollector } from './testing/manifests.js';

const PODS = findResource('', 'v1', 'pods') as ResourceInfo;

const pod = (name: string, nodeName: string, namespace = 'default'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { nodeName, containers: [{ name: 'c', image: 'busybox' }] },
});

const names = (pods: Pod[]): string[] =>
  pods.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort();
const refused = (): Error =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });

let client: FakeResourceClient<Pod>;
let clock: FakeClock;
let ctl: AbortController;
let running: Promise<void> | undefined;

beforeEach(() => {
  client = new FakeResourceClient<Pod>(PODS);
  clock = new FakeClock(0);
  ctl = new AbortController();
});

afterEach(async () => {
  ctl.abort();
  await running;
  running = undefined;
});

function start(
  extra: { nodeHasSynced?: () => boolean; logger?: RecordingLogger } = {},
): UpdateCollector {
  const out = new UpdateCollector();
  const source = new ApiserverSource({ client, nodeName: 'node1', clock, ...extra });
  running = source.run(out.emit, ctl.signal);
  return out;
}

describe('ApiserverSource', () => {
  it('sends the pods bound to this node, in all namespaces, as one SET after the first list', async () => {
    await client.create(pod('a', 'node1'));
    await client.create(pod('b', 'node2'));
    await client.create(pod('c', 'node1', 'kube-system'));
    const out = start();
    const first = await out.next();
    expect(first.op).toBe('SET');
    expect(first.source).toBe('api');
    expect(names(first.pods)).toEqual(['default/a', 'kube-system/c']);
    expect(client.store.calls.find((c) => c.op === 'list')?.options).toMatchObject({
      fieldSelector: 'spec.nodeName=node1',
    });
    await client.store.waitForWatches(1);
    expect(out.updates).toHaveLength(1);
  });

  it('sends an empty SET when no pod is bound to the node', async () => {
    const out = start();
    expect(await out.next()).toEqual({ op: 'SET', source: 'api', pods: [] });
  });

  it('sends a new snapshot on every watched change', async () => {
    const out = start();
    await out.next();
    await client.store.waitForWatches(1);
    const created = await client.create(pod('a', 'node1'));
    expect(names((await out.next()).pods)).toEqual(['default/a']);
    await client.update({ ...created, metadata: { ...created.metadata, labels: { x: 'y' } } });
    expect((await out.next()).pods[0]?.metadata?.labels).toEqual({ x: 'y' });
    await client.create(pod('other', 'node2'));
    await client.inNamespace('default').delete('a', {});
    expect((await out.next()).pods).toEqual([]);
  });

  it('sends nothing while the API server is down, and the snapshot once a list succeeds', async () => {
    const logger = new RecordingLogger();
    await client.create(pod('a', 'node1'));
    for (let i = 0; i < 3; i++) client.store.failNext('list', refused());
    const out = start({ logger });
    for (let i = 0; i < 3; i++) {
      await clock.waitForSleepers(1);
      expect(out.updates).toHaveLength(0);
      clock.advanceToNext();
    }
    expect(names((await out.next()).pods)).toEqual(['default/a']);
    expect(logger.at('error').map((e) => e.msg)).toEqual(['Failed to watch']);
  });

  it('does not watch pods before the node has synced, when asked to wait', async () => {
    let synced = false;
    const out = start({ nodeHasSynced: () => synced });
    await clock.waitForSleepers(1);
    expect(clock.sleeps).toEqual([1000]);
    clock.advance(1000);
    await clock.waitForSleepers(1);
    expect(client.store.calls).toHaveLength(0);
    synced = true;
    clock.advance(1000);
    expect(await out.next()).toEqual({ op: 'SET', source: 'api', pods: [] });
  });

  it('returns copies: the merger may annotate them freely', async () => {
    await client.create(pod('a', 'node1'));
    const out = start();
    const first = await out.next();
    const meta = first.pods[0]?.metadata;
    if (meta) meta.annotations = { touched: 'yes' };
    await client.store.waitForWatches(1);
    await client.create(pod('b', 'node1'));
    const second = await out.next();
    expect(
      second.pods.find((p) => p.metadata?.name === 'a')?.metadata?.annotations,
    ).toBeUndefined();
  });
});
