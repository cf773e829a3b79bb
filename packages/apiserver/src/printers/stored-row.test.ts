import { describe, expect, it } from 'vitest';
import { tableRow } from './print-table.js';
import { StoredJson } from '../cache/stored-json.js';
import { storedRow, storedRowJson } from './stored-row.js';
import { HOUR, MINUTE, NOW, SECOND, ago } from './test-time.js';
import type { IncludeObject } from './types.js';

const POD = { group: '', kind: 'Pod' };
const JOB = { group: 'batch', kind: 'Job' };

// Spec before metadata, and a nested `metadata` inside it: the row takes the top-level one.
const restartedPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: 'node-1' },
  metadata: {
    name: 'web',
    namespace: 'default',
    creationTimestamp: ago(5 * MINUTE),
    annotations: { note: '"metadata":{}' },
  },
  status: {
    phase: 'Succeeded',
    containerStatuses: [
      {
        name: 'app',
        ready: false,
        restartCount: 2,
        lastState: { terminated: { exitCode: 1, finishedAt: ago(90 * SECOND) } },
      },
    ],
  },
};
const runningJob = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', creationTimestamp: ago(HOUR) },
  spec: {
    template: {
      metadata: { labels: { a: 'b' } },
      spec: { containers: [{ name: 'pi', image: 'perl' }] },
    },
  },
  status: { startTime: ago(30 * MINUTE) },
};

describe('storedRowJson', () => {
  it.each<IncludeObject>(['Metadata', 'Object', 'None'])(
    'is the JSON of tableRow for includeObject=%s',
    (includeObject) => {
      for (const [resource, obj] of [
        [POD, restartedPod],
        [JOB, runningJob],
      ] as const) {
        const json = JSON.stringify(obj);
        const row = storedRow(resource, JSON.parse(json) as object, json);
        expect(storedRowJson(row, StoredJson.of(json), includeObject, NOW)).toBe(
          JSON.stringify(tableRow(resource, obj, { now: NOW, includeObject })),
        );
      }
    },
  );

  it('resolves ages and durations when served, not when printed', () => {
    const json = JSON.stringify(runningJob);
    const row = storedRow(JOB, runningJob, json);
    const cellsAt = (now: number): unknown[] =>
      (JSON.parse(storedRowJson(row, StoredJson.of(json), 'None', now)) as { cells: unknown[] })
        .cells;
    expect(cellsAt(NOW).slice(3, 5)).toEqual(['30m', '60m']);
    expect(cellsAt(NOW + 3 * HOUR).slice(3, 5)).toEqual(['3h30m', '4h']);
    const podJson = JSON.stringify(restartedPod);
    const podRow = storedRow(POD, restartedPod, podJson);
    expect(
      (
        JSON.parse(storedRowJson(podRow, StoredJson.of(podJson), 'None', NOW + MINUTE)) as {
          cells: unknown[];
        }
      ).cells[3],
    ).toBe('2 (2m30s ago)');
  });

  it('serves the metadata as a range of the stored bytes, across shared fieldsV1 runs and multi-byte text', () => {
    const fieldsV1 = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f:field${i}`, {}]));
    const pod = {
      ...restartedPod,
      metadata: {
        ...restartedPod.metadata,
        annotations: { note: 'grüße, 世界' },
        managedFields: [
          { manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1 },
        ],
      },
    };
    const json = JSON.stringify(pod);
    const row = storedRow(POD, pod, json);
    const metadataOf = (includeObject: IncludeObject): unknown =>
      (
        JSON.parse(storedRowJson(row, StoredJson.of(json), includeObject, NOW)) as {
          object: { metadata: unknown };
        }
      ).object.metadata;
    expect(metadataOf('Metadata')).toEqual(pod.metadata);
    expect(storedRowJson(row, StoredJson.of(json), 'Metadata', NOW)).toBe(
      JSON.stringify(tableRow(POD, pod, { now: NOW, includeObject: 'Metadata' })),
    );
    const bare = storedRow(POD, { kind: 'Pod' }, '{"kind":"Pod"}');
    expect(storedRowJson(bare, StoredJson.of('{"kind":"Pod"}'), 'Metadata', NOW)).toContain(
      '"metadata":{}}',
    );
  });
});
