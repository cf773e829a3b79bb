import type { ObjectReference, Pod } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventRecorder, EventType } from '../events/event-recorder.js';
import { PodConfig } from './pod-config.js';
import type { PodSource } from './pod-source.js';
import {
  CONFIG_FIRST_SEEN_ANNOTATION,
  CONFIG_SOURCE_ANNOTATION,
  type PodUpdate,
  type SourceName,
} from './pod-update.js';
import { createSourcesReady } from './sources-ready.js';

const T0 = Date.UTC(2025, 3, 10, 2, 0, 13, 632);

function pod(uid: string, name = uid, extra: Partial<Pod> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { uid, name, namespace: 'default', annotations: { a: '1' } },
    spec: { containers: [{ name: 'c', image: 'busybox' }] },
    status: { phase: 'Pending' },
    ...extra,
  };
}

const set = (source: SourceName, ...pods: Pod[]): PodUpdate => ({ op: 'SET', source, pods });
const summary = (us: PodUpdate[]): string[] =>
  us.map((u) => `${u.op} ${u.source} [${u.pods.map((p) => p.metadata?.uid).join(',')}]`);

class RecordingRecorder implements EventRecorder {
  readonly events: { ref: ObjectReference; type: EventType; reason: string; message: string }[] =
    [];
  event(ref: ObjectReference, type: EventType, reason: string, message: string): void {
    this.events.push({ ref, type, reason, message });
  }
}

describe('PodConfig.merge', () => {
  let clock: FakeClock;
  let recorder: RecordingRecorder;
  let config: PodConfig;

  beforeEach(() => {
    clock = new FakeClock(T0);
    recorder = new RecordingRecorder();
    config = new PodConfig({ clock, recorder, sources: ['file', 'api'] });
  });

  it('adds new pods with the source and first-seen annotations', () => {
    const out = config.merge(set('file', pod('a'), pod('b')));
    expect(summary(out)).toEqual(['ADD file [a,b]']);
    const annotations = out[0]?.pods[0]?.metadata?.annotations;
    expect(annotations?.[CONFIG_SOURCE_ANNOTATION]).toBe('file');
    expect(annotations?.[CONFIG_FIRST_SEEN_ANNOTATION]).toBe('2025-04-10T02:00:13.632000000Z');
    expect(annotations?.['a']).toBe('1');
  });

  it('sends nothing for an identical snapshot', () => {
    config.merge(set('file', pod('a')));
    expect(config.merge(set('file', pod('a')))).toEqual([]);
  });

  it('removes pods missing from the next snapshot, before adding new ones', () => {
    config.merge(set('file', pod('a'), pod('b')));
    expect(summary(config.merge(set('file', pod('b'), pod('c'))))).toEqual([
      'REMOVE file [a]',
      'ADD file [c]',
    ]);
  });

  it('an edited manifest (new UID, same name) is a REMOVE of the old pod and an ADD of the new', () => {
    config.merge(set('file', pod('uid-1', 'web-node1')));
    expect(summary(config.merge(set('file', pod('uid-2', 'web-node1'))))).toEqual([
      'REMOVE file [uid-1]',
      'ADD file [uid-2]',
    ]);
  });

  it('updates on spec, label or annotation changes and keeps the first-seen time', () => {
    config.merge(set('api', pod('a')));
    clock.advance(5000);
    const changed = pod('a');
    changed.metadata = { ...changed.metadata, labels: { tier: 'web' } };
    const out = config.merge(set('api', changed));
    expect(summary(out)).toEqual(['UPDATE api [a]']);
    const meta = out[0]?.pods[0]?.metadata;
    expect(meta?.labels).toEqual({ tier: 'web' });
    expect(meta?.annotations?.[CONFIG_FIRST_SEEN_ANNOTATION]).toBe(
      '2025-04-10T02:00:13.632000000Z',
    );
    const annotated = pod('a');
    annotated.metadata = {
      ...annotated.metadata,
      labels: { tier: 'web' },
      annotations: { a: '2' },
    };
    expect(summary(config.merge(set('api', annotated)))).toEqual(['UPDATE api [a]']);
  });

  it('ignores changes of the local annotations (source, mirror, seen)', () => {
    config.merge(set('api', pod('a')));
    const same = pod('a');
    same.metadata = {
      ...same.metadata,
      annotations: {
        a: '1',
        'kubernetes.io/config.mirror': 'x',
        [CONFIG_FIRST_SEEN_ANNOTATION]: 'yesterday',
      },
    };
    expect(config.merge(set('api', same))).toEqual([]);
  });

  it('a newly set deletionTimestamp is a DELETE', () => {
    config.merge(set('api', pod('a')));
    const deleting = pod('a');
    deleting.metadata = {
      ...deleting.metadata,
      deletionTimestamp: '2025-04-10T02:01:00Z',
      deletionGracePeriodSeconds: 30,
    };
    const out = config.merge(set('api', deleting));
    expect(summary(out)).toEqual(['DELETE api [a]']);
    expect(out[0]?.pods[0]?.metadata?.deletionGracePeriodSeconds).toBe(30);
  });

  it('a status-only change is a RECONCILE', () => {
    config.merge(set('api', pod('a')));
    const out = config.merge(set('api', pod('a', 'a', { status: { phase: 'Running' } })));
    expect(summary(out)).toEqual(['RECONCILE api [a]']);
    expect(out[0]?.pods[0]?.status?.phase).toBe('Running');
  });

  it('orders REMOVE, ADD, UPDATE, DELETE, RECONCILE within one snapshot', () => {
    config.merge(set('api', pod('gone'), pod('upd'), pod('del'), pod('rec')));
    const upd = pod('upd');
    upd.metadata = { ...upd.metadata, labels: { x: 'y' } };
    const del = pod('del');
    del.metadata = { ...del.metadata, deletionTimestamp: '2025-04-10T02:01:00Z' };
    const rec = pod('rec', 'rec', { status: { phase: 'Running' } });
    expect(summary(config.merge(set('api', rec, del, pod('new'), upd)))).toEqual([
      'REMOVE api [gone]',
      'ADD api [new]',
      'UPDATE api [upd]',
      'DELETE api [del]',
      'RECONCILE api [rec]',
    ]);
  });

  it('keys pods per source: the same UID in two sources is two pods', () => {
    expect(summary(config.merge(set('file', pod('a'))))).toEqual(['ADD file [a]']);
    expect(summary(config.merge(set('api', pod('a'))))).toEqual(['ADD api [a]']);
    expect(config.mergedState()).toHaveLength(2);
  });

  it('drops a later pod with a duplicate full name, with a FailedValidation warning', () => {
    const out = config.merge(set('file', pod('a', 'web'), pod('b', 'web'), pod('c', 'other')));
    expect(summary(out)).toEqual(['ADD file [a,c]']);
    expect(recorder.events).toEqual([
      {
        ref: { kind: 'Pod', apiVersion: 'v1', name: 'web', namespace: 'default', uid: 'b' },
        type: 'Warning',
        reason: 'FailedValidation',
        message:
          'Error validating pod web_default(b) from file due to duplicate pod name "web", ignoring',
      },
    ]);
  });

  it('sends an empty ADD on the first SET of a source with nothing to add', () => {
    expect(summary(config.merge(set('api')))).toEqual(['ADD api []']);
    expect(config.merge(set('api'))).toEqual([]);
    config.merge(set('file', pod('a')));
    expect(summary(config.merge(set('file')))).toEqual(['REMOVE file [a]']);
  });

  it('supports incremental ADD and REMOVE updates', () => {
    config.merge({ op: 'ADD', source: 'api', pods: [pod('a')] });
    expect(summary(config.merge({ op: 'REMOVE', source: 'api', pods: [pod('a')] }))).toEqual([
      'REMOVE api [a]',
    ]);
    expect(config.merge({ op: 'REMOVE', source: 'api', pods: [pod('a')] })).toEqual([]);
  });

  it('returns copies: changing an emitted pod changes nothing inside', () => {
    const [added] = config.merge(set('file', pod('a')));
    const p = added?.pods[0];
    if (p?.metadata) p.metadata.name = 'mutated';
    expect(config.mergedState()[0]?.metadata?.name).toBe('a');
  });
});

describe('sources readiness', () => {
  it('is ready only when every registered source has sent a SET and been seen by the consumer', () => {
    const config = new PodConfig({ sources: ['file', 'api'] });
    const ready = createSourcesReady((seen) => config.seenAllSources(seen));
    for (const u of config.merge(set('file'))) ready.addSource(u.source);
    expect(ready.allReady()).toBe(false);
    config.merge({ op: 'ADD', source: 'api', pods: [pod('x')] });
    ready.addSource('api');
    expect(ready.allReady()).toBe(false); // an ADD is not a snapshot
    for (const u of config.merge(set('api', pod('x')))) ready.addSource(u.source);
    expect(ready.allReady()).toBe(true);
  });
});

describe('PodConfig.run', () => {
  it('merges every source into one stream and registers the sources', async () => {
    const config = new PodConfig({ clock: new FakeClock(T0) });
    const fake = (name: SourceName, pods: Pod[]): PodSource => ({
      name,
      run: (emit) => {
        emit(set(name, ...pods));
        return Promise.resolve();
      },
    });
    const got: PodUpdate[] = [];
    await config.run(
      [fake('file', [pod('f')]), fake('api', [])],
      (u) => got.push(u),
      new AbortController().signal,
    );
    expect(summary(got)).toEqual(['ADD file [f]', 'ADD api []']);
    expect(config.seenAllSources(['file', 'api'])).toBe(true);
    expect(config.seenAllSources(['file'])).toBe(false);
  });
});
