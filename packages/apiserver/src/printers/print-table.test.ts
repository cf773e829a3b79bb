import { describe, expect, it } from 'vitest';
import { printTable } from './index.js';
import { MINUTE, NOW, ago } from './test-time.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'seed-pod',
    namespace: 'default',
    labels: { app: 'seed' },
    uid: 'cb37e1f2',
    resourceVersion: '1034',
    creationTimestamp: ago(MINUTE),
    managedFields: [{ manager: 'kubectl', operation: 'Update' }],
  },
  spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: 'node-1' },
  status: { phase: 'Pending' },
};

describe('printTable', () => {
  it('returns a Table with column definitions and PartialObjectMetadata rows by default', () => {
    const table = printTable({ group: '', kind: 'Pod' }, [pod], { now: NOW, includeObject: 'Metadata', resourceVersion: '1034' });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '1034' });
    expect(table.columnDefinitions?.map((c) => c.name)).toEqual([
      'Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates',
    ]);
    expect(table.rows).toEqual([
      {
        cells: ['seed-pod', '0/1', 'Pending', '0', '60s', '<none>', 'node-1', '<none>', '<none>'],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata },
      },
    ]);
  });

  it('carries the full object with includeObject=Object and nothing with None', () => {
    const full = printTable({ group: '', kind: 'Pod' }, [pod], { now: NOW, includeObject: 'Object' });
    expect(full.rows[0]?.object).toBe(pod);
    const none = printTable({ group: '', kind: 'Pod' }, [pod], { now: NOW, includeObject: 'None' });
    expect(none.rows[0]).toEqual({ cells: ['seed-pod', '0/1', 'Pending', '0', '60s', '<none>', 'node-1', '<none>', '<none>'] });
    expect(none.metadata).toEqual({});
  });

  it('leaves out column definitions with noHeaders (watch events after the first)', () => {
    const table = printTable({ group: '', kind: 'Pod' }, [pod], { now: NOW, includeObject: 'Metadata', noHeaders: true });
    expect(table.columnDefinitions).toBeNull();
    expect(table.rows).toHaveLength(1);
  });

  it('passes list paging metadata through and prints an empty list', () => {
    const table = printTable({ group: 'apps', kind: 'Deployment' }, [], {
      now: NOW, includeObject: 'Metadata', resourceVersion: '77', continue: 'tok', remainingItemCount: 3,
    });
    expect(table.metadata).toEqual({ resourceVersion: '77', continue: 'tok', remainingItemCount: 3 });
    expect(table.rows).toEqual([]);
    expect(table.columnDefinitions?.[1]?.name).toBe('Ready');
  });

  it('picks printers by group: apps Deployment, not a core kind of the same name', () => {
    const cm = { metadata: { name: 'cfg', creationTimestamp: ago(MINUTE) }, data: { a: '1' } };
    expect(printTable({ group: '', kind: 'ConfigMap' }, [cm], { now: NOW, includeObject: 'None' }).rows[0]?.cells).toEqual(['cfg', 1, '60s']);
    expect(printTable({ group: 'apps', kind: 'ConfigMap' }, [cm], { now: NOW, includeObject: 'None' }).rows[0]?.cells).toEqual([
      'cfg',
      ago(MINUTE),
    ]);
  });

  it('uses the default Name / Created At table for kinds without a printer', () => {
    const obj = { metadata: { name: 'alice', creationTimestamp: '2025-02-28T23:59:59.750Z' } };
    const bare = { metadata: { name: 'bob' } };
    const table = printTable({ group: 'authorization.k8s.io', kind: 'SelfSubjectAccessReview' }, [obj, bare], { now: NOW, includeObject: 'None' });
    expect(table.columnDefinitions?.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Created At', 'date', '', 0],
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['alice', '2025-02-28T23:59:59Z'],
      ['bob', '0001-01-01T00:00:00Z'],
    ]);
  });

  it('serializes as the JSON kubectl reads', () => {
    const json = JSON.parse(JSON.stringify(printTable({ group: 'coordination.k8s.io', kind: 'Lease' }, [], { now: NOW, includeObject: 'Metadata', noHeaders: true })));
    expect(json).toEqual({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: null, rows: [] });
  });
});
