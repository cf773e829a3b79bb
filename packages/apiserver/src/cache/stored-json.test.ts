import { describe, expect, it } from 'vitest';
import { SharedRuns } from './shared-runs.js';
import { StoredJson } from './stored-json.js';
import { v8HeapControl } from '../runtime/idle-collector.js';

const fieldsV1 = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`f:field${i}`, { '.': {} }]),
);
const pod = (name: string, note = 'plain'): object => ({
  kind: 'Pod',
  metadata: {
    name,
    annotations: { note },
    managedFields: [
      {
        manager: 'kubectl',
        operation: 'Update',
        time: `2026-11-28T10:00:0${name.length % 10}Z`,
        fieldsType: 'FieldsV1',
        fieldsV1,
      },
      {
        manager: 'kubelet',
        operation: 'Update',
        subresource: 'status',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:status': {} },
      },
    ],
  },
  spec: { note: '"fieldsV1":{ in a string }' },
});

const bytesOf = (s: StoredJson, start?: number, end?: number): string => {
  const out: Buffer[] = [];
  s.pushTo(out, start, end);
  return Buffer.concat(out).toString();
};

describe('StoredJson', () => {
  it.each([
    ['ASCII', JSON.stringify(pod('web-1'))],
    ['multi-byte text before and after the shared run', JSON.stringify(pod('wéb-1', 'grüße 世界'))],
    ['no fieldsV1', '{"kind":"ConfigMap","data":{"a":"ü"}}'],
    ['a fieldsV1 that is not an object', '{"fieldsV1":"x".repeat(200)}'],
  ])('gives back exactly the JSON it stored (%s)', (_name, json) => {
    const s = StoredJson.of(json, new SharedRuns());
    expect(s.toString()).toBe(json);
    expect(s.bytes().equals(Buffer.from(json))).toBe(true);
    expect(s.byteLength).toBe(Buffer.byteLength(json));
    expect(bytesOf(s)).toBe(json);
  });

  it('gives back any byte range, across the shared runs', () => {
    const json = JSON.stringify(pod('wéb-1', 'grüße 世界'));
    const s = StoredJson.of(json, new SharedRuns());
    const whole = Buffer.from(json);
    for (const [a, z] of [
      [0, 10],
      [5, whole.length - 3],
      [40, 400],
      [300, 320],
      [whole.length - 1, whole.length],
      [7, 7],
    ]) {
      const out: Buffer[] = [];
      s.pushTo(out, a, z);
      expect(Buffer.concat(out).equals(whole.subarray(a, z))).toBe(true);
    }
  });

  it('holds a fieldsV1 set once for every object that repeats it', () => {
    const runs = new SharedRuns();
    const a = StoredJson.of(JSON.stringify(pod('a')), runs);
    const b = StoredJson.of(JSON.stringify(pod('bb')), runs);
    // The big set is shared; the small status set stays in each object's own bytes.
    expect(runs.size).toBe(1);
    const sharedOf = (s: StoredJson): Buffer[] =>
      (s as unknown as { shared: { bytes: Buffer }[] }).shared.map((r) => r.bytes);
    expect(sharedOf(a)[0]).toBe(sharedOf(b)[0]);
    expect(JSON.parse(b.toString())).toEqual(pod('bb'));
  });
});

describe('SharedRuns', () => {
  it('lets a run go once no stored object refers to it', async () => {
    const runs = new SharedRuns();
    const store = (): number => {
      const kept = [
        StoredJson.of(JSON.stringify(pod('a')), runs),
        StoredJson.of(JSON.stringify(pod('bb')), runs),
      ];
      return kept.length;
    };
    expect(store()).toBe(2);
    expect(runs.size).toBe(1);
    const heap = v8HeapControl();
    // Finalizers run in a task after the collection that found the run unreachable.
    for (let i = 0; i < 20 && runs.size > 0; i++) {
      await heap.collect();
      await new Promise((r) => setImmediate(r));
    }
    expect(runs.size).toBe(0);
    // A new object with the same set gets a fresh run.
    const again = StoredJson.of(JSON.stringify(pod('c')), runs);
    expect(runs.size).toBe(1);
    expect(JSON.parse(again.toString())).toEqual(pod('c'));
  });
});

describe('SharedRuns digests', () => {
  it('keeps runs whose digests collide apart, each with its own bytes', () => {
    const runs = new SharedRuns(() => 'same');
    const a = runs.get('{"f:a":{}}');
    const b = runs.get('{"f:b":{}}');
    expect(a.toString()).toBe('{"f:a":{}}');
    expect(b.toString()).toBe('{"f:b":{}}');
    expect(runs.get('{"f:a":{}}')).toBe(a);
  });
});
