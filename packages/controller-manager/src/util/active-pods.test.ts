import type { Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { POD_DELETION_COST_ANNOTATION, sortActivePodsWithRanks } from './active-pods.js';

const NOW = Date.parse('2024-06-01T00:00:00Z');

function pod(
  name: string,
  o: {
    node?: string;
    phase?: string;
    readySince?: string;
    restarts?: number;
    created?: string;
    cost?: string;
  } = {},
): Pod {
  const p: Pod = {
    metadata: { name, uid: name, creationTimestamp: o.created ?? '2024-05-01T00:00:00Z' },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase: o.phase ?? 'Running' },
  };
  if (o.cost !== undefined)
    p.metadata = { ...p.metadata, annotations: { [POD_DELETION_COST_ANNOTATION]: o.cost } };
  if (o.readySince)
    p.status = {
      ...p.status,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }],
    };
  if (o.restarts !== undefined)
    p.status = {
      ...p.status,
      containerStatuses: [{ name: 'c', restartCount: o.restarts } as never],
    };
  return p;
}

const order = (pods: Pod[], rank = pods.map(() => 0)): string[] =>
  sortActivePodsWithRanks({ pods, rank, nowMs: NOW }).map((p) => p.metadata?.name ?? '');

describe('ActivePodsWithRanks ordering', () => {
  it('puts unassigned before assigned, then pending before unknown before running', () => {
    expect(
      order([
        pod('running', { node: 'n' }),
        pod('unassigned'),
        pod('pending', { node: 'n', phase: 'Pending' }),
        pod('unknown', { node: 'n', phase: 'Unknown' }),
      ]),
    ).toEqual(['unassigned', 'pending', 'unknown', 'running']);
  });

  it('deletes not-ready before ready, and lower deletion cost first', () => {
    expect(
      order([
        pod('ready', { node: 'n', readySince: '2024-05-01T00:00:00Z' }),
        pod('notready', { node: 'n' }),
      ]),
    ).toEqual(['notready', 'ready']);
    expect(
      order([
        pod('expensive', { node: 'n', cost: '100' }),
        pod('cheap', { node: 'n', cost: '-5' }),
      ]),
    ).toEqual(['cheap', 'expensive']);
  });

  it('prefers pods doubled up on a node', () => {
    expect(order([pod('alone', { node: 'a' }), pod('crowded', { node: 'b' })], [0, 3])).toEqual([
      'crowded',
      'alone',
    ]);
  });

  it('deletes recently-ready pods first, comparing ready times on a log2 scale', () => {
    const pods = [
      pod('old', { node: 'n', readySince: '2024-01-01T00:00:00Z' }),
      pod('new', { node: 'n', readySince: '2024-05-31T23:00:00Z' }),
    ];
    expect(order(pods)).toEqual(['new', 'old']);
    // Within the same power-of-two bucket the uid decides.
    const same = [
      pod('b', { node: 'n', readySince: '2024-05-31T23:00:01Z' }),
      pod('a', { node: 'n', readySince: '2024-05-31T23:00:00Z' }),
    ];
    expect(order(same)).toEqual(['a', 'b']);
  });

  it('deletes pods with more restarts, then newer pods first', () => {
    expect(
      order([pod('calm', { node: 'n', restarts: 0 }), pod('crashy', { node: 'n', restarts: 7 })]),
    ).toEqual(['crashy', 'calm']);
    expect(
      order([
        pod('older', { node: 'n', created: '2023-01-01T00:00:00Z' }),
        pod('newer', { node: 'n', created: '2024-05-31T00:00:00Z' }),
      ]),
    ).toEqual(['newer', 'older']);
  });
});
