import type { Job, Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { newCondition } from './job-conditions.js';
import {
  countPodsWithoutFinalizers,
  planFinalizerRemoval,
  type JobStatus,
} from './uncounted-pods.js';

const job: Job = { metadata: { name: 'j' }, spec: { completions: 2, template: {} } };
const pod = (uid: string, phase?: string, deleted = false): Pod => ({
  metadata: {
    name: uid,
    uid,
    finalizers: ['batch.kubernetes.io/job-tracking'],
    ...(deleted ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
  },
  spec: { containers: [] },
  ...(phase ? { status: { phase } } : {}),
});

describe('planFinalizerRemoval', () => {
  it('adds finished pods to the uncounted lists and leaves running ones', () => {
    const status: JobStatus = {};
    const plan = planFinalizerRemoval(
      job,
      status,
      [
        pod('ok', 'Succeeded'),
        pod('bad', 'Failed'),
        pod('gone', 'Running', true),
        pod('run', 'Running'),
      ],
      { expectedRm: new Set(), prevSucceededIndexes: [] },
    );
    expect(plan.remove.map((p) => p.metadata?.uid)).toEqual(['ok', 'bad', 'gone']);
    expect(status.uncountedTerminatedPods).toEqual({ succeeded: ['ok'], failed: ['bad', 'gone'] });
    expect(plan.changed).toBe(true);
  });

  it('counts every unfinished pod as failed once the Job is failing', () => {
    const status: JobStatus = {};
    const finished = newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'x', 0);
    planFinalizerRemoval(job, status, [pod('run', 'Running')], {
      expectedRm: new Set(),
      finished,
      prevSucceededIndexes: [],
    });
    expect(status.uncountedTerminatedPods?.failed).toEqual(['run']);
  });
});

describe('countPodsWithoutFinalizers', () => {
  it('moves UIDs whose finalizer is gone into the counters', () => {
    const status: JobStatus = {
      succeeded: 1,
      uncountedTerminatedPods: { succeeded: ['a', 'b'], failed: ['c'] },
    };
    expect(countPodsWithoutFinalizers(status, new Set(['b']))).toBe(true);
    expect(status).toEqual({
      succeeded: 2,
      failed: 1,
      uncountedTerminatedPods: { succeeded: ['b'], failed: [] },
    });
    expect(countPodsWithoutFinalizers(status, new Set(['b']))).toBe(false);
  });
});
