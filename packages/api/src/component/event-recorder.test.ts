import { describe, expect, it, vi } from 'vitest';
import { notFound } from '../errors.js';
import { FakeClock, RecordingLogger } from '../testing/index.js';
import type { Event, Pod } from '../types/index.js';
import { createEventRecorder } from './event-recorder.js';
import type { EventSink } from './event-sink.js';

const T0 = Date.parse('2026-03-04T05:06:07.000Z');
const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'prod', uid: 'u-1', resourceVersion: '42' },
};

function fakeSink() {
  const created: Event[] = [];
  const patched: { name: string; body: object }[] = [];
  let rv = 100;
  let failPatch: Error | undefined;
  const sink: EventSink = {
    create: async (e) => {
      const out = { ...e, metadata: { ...e.metadata, resourceVersion: String(++rv) } };
      created.push(out);
      return out;
    },
    patch: async (e, body) => {
      if (failPatch) throw failPatch;
      patched.push({ name: e.metadata?.name ?? '', body });
      return { ...e, ...body, metadata: { ...e.metadata, resourceVersion: String(++rv) } };
    },
  };
  return { sink, created, patched, failPatchWith: (e: Error) => (failPatch = e) };
}

describe('EventRecorder', () => {
  it('writes core/v1 events as the legacy recorder builds them', async () => {
    const { sink, created } = fakeSink();
    const clock = new FakeClock(T0);
    const r = createEventRecorder({ sink, component: 'default-scheduler', clock });
    r.event(pod, 'Normal', 'Scheduled', 'Successfully assigned prod/web-1 to node-a');
    await r.flush();
    expect(created).toHaveLength(1);
    const ev = created[0] as Event;
    expect(ev.metadata?.name).toBe(`web-1.${(BigInt(T0) * 1_000_000n).toString(16)}`);
    expect(ev).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: 'prod' },
      involvedObject: { kind: 'Pod', namespace: 'prod', name: 'web-1', uid: 'u-1', apiVersion: 'v1', resourceVersion: '42' },
      reason: 'Scheduled',
      message: 'Successfully assigned prod/web-1 to node-a',
      source: { component: 'default-scheduler' },
      reportingComponent: 'default-scheduler',
      firstTimestamp: '2026-03-04T05:06:07Z',
      lastTimestamp: '2026-03-04T05:06:07Z',
      count: 1,
      type: 'Normal',
    });
  });

  it('puts events about cluster-scoped objects in default', async () => {
    const { sink, created } = fakeSink();
    const r = createEventRecorder({ sink, component: 'node-controller', clock: new FakeClock(T0) });
    r.event({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'n' } }, 'Normal', 'RegisteredNode', 'x');
    await r.flush();
    expect(created[0]?.metadata?.namespace).toBe('default');
  });

  it('patches count and lastTimestamp on a repeated event, keeping firstTimestamp', async () => {
    const { sink, created, patched } = fakeSink();
    const clock = new FakeClock(T0);
    const r = createEventRecorder({ sink, component: 'default-scheduler', clock });
    const msg = '0/3 nodes are available: 3 Insufficient cpu.';
    r.event(pod, 'Warning', 'FailedScheduling', msg);
    await r.flush();
    clock.advance(61_000);
    r.event(pod, 'Warning', 'FailedScheduling', msg);
    await r.flush();
    expect(created).toHaveLength(1);
    expect(patched).toEqual([
      { name: created[0]?.metadata?.name, body: { count: 2, lastTimestamp: '2026-03-04T05:07:08Z', message: msg } },
    ]);
  });

  it('creates the event again when the one to patch is gone', async () => {
    const { sink, created, failPatchWith } = fakeSink();
    const r = createEventRecorder({ sink, component: 'default-scheduler', clock: new FakeClock(T0) });
    r.event(pod, 'Warning', 'FailedScheduling', 'm');
    await r.flush();
    failPatchWith(notFound({ group: '', resource: 'events' }, 'x'));
    r.event(pod, 'Warning', 'FailedScheduling', 'm');
    await r.flush();
    expect(created.map((e) => e.count)).toEqual([1, 2]);
    expect(created[1]?.metadata?.resourceVersion).not.toBe(created[0]?.metadata?.resourceVersion);
  });

  it('combines the tenth distinct message for one object and reason', async () => {
    const { sink, created } = fakeSink();
    const r = createEventRecorder({ sink, component: 'default-scheduler', clock: new FakeClock(T0) });
    for (let i = 1; i <= 10; i++) r.event(pod, 'Warning', 'FailedScheduling', `message ${i}`);
    await r.flush();
    expect(created.map((e) => e.message)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `message ${i + 1}`),
      '(combined from similar events): message 10',
    ]);
  });

  it('drops events past 25 per object until the bucket refills', async () => {
    const { sink, created } = fakeSink();
    const clock = new FakeClock(T0);
    const r = createEventRecorder({ sink, component: 'c', clock });
    for (let i = 0; i < 30; i++) r.event(pod, 'Normal', `Reason${i}`, 'm');
    await r.flush();
    expect(created).toHaveLength(25);
    clock.advance(300_000);
    r.event(pod, 'Normal', 'Later', 'm');
    await r.flush();
    expect(created).toHaveLength(26);
  });

  it('logs and drops an event the server rejects', async () => {
    const logger = new RecordingLogger();
    const sink: EventSink = {
      create: () => Promise.reject(notFound({ group: '', resource: 'namespaces' }, 'gone')),
      patch: () => Promise.reject(new Error('unused')),
    };
    const r = createEventRecorder({ sink, component: 'c', clock: new FakeClock(T0), logger });
    r.event(pod, 'Normal', 'R', 'm');
    await r.flush();
    expect(logger.at('error').map((e) => e.msg)).toEqual(['Server rejected event (will not retry!)']);
  });
});

describe('EventRecorder deferral', () => {
  it('lets events wait for the component to be ready, at most maxDeferMs', async () => {
    const { sink, created } = fakeSink();
    const clock = new FakeClock(T0);
    let release: () => void = () => {};
    const ready = () => new Promise<void>((r) => (release = r));
    const r = createEventRecorder({ sink, component: 'default-scheduler', clock, ready, maxDeferMs: 1000 });
    r.event(pod, 'Normal', 'Scheduled', 'a');
    await clock.waitForSleepers(1);
    expect(created).toHaveLength(0);
    release();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    r.event(pod, 'Normal', 'Scheduled', 'b');
    await clock.waitForSleepers(1);
    clock.advance(1000);
    await r.flush();
    expect(created.map((e) => e.message)).toEqual(['a', 'b']);
  });
});
