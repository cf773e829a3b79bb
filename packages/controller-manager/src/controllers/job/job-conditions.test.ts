import type { Job, Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  activeDeadlineRemainingMs,
  ensureJobConditionStatus,
  newCondition,
  pastBackoffLimitOnFailure,
} from './job-conditions.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('ensureJobConditionStatus', () => {
  it('does not add a False condition that is missing, but flips an existing one', () => {
    const resumed = newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', T0);
    expect(ensureJobConditionStatus([], resumed)).toEqual({ conditions: [], changed: false });
    const suspended = newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', T0);
    const added = ensureJobConditionStatus([], suspended);
    expect(added.changed).toBe(true);
    expect(ensureJobConditionStatus(added.conditions, suspended).changed).toBe(false);
    expect(ensureJobConditionStatus(added.conditions, resumed).conditions).toEqual([resumed]);
  });

  it('stamps lastProbeTime and lastTransitionTime', () => {
    expect(newCondition('Complete', 'True', '', '', T0)).toEqual({
      type: 'Complete',
      status: 'True',
      lastProbeTime: '2026-01-01T00:00:00Z',
      lastTransitionTime: '2026-01-01T00:00:00Z',
    });
  });
});

describe('pastBackoffLimitOnFailure', () => {
  const job = (backoffLimit: number): Job => ({
    spec: { backoffLimit, template: { spec: { restartPolicy: 'OnFailure', containers: [] } } },
  });
  const running = (restartCount: number): Pod => ({
    spec: { containers: [] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount }],
    },
  });
  it('sums restarts of running and pending pods', () => {
    expect(pastBackoffLimitOnFailure(job(3), [running(1), running(1)])).toBe(false);
    expect(pastBackoffLimitOnFailure(job(3), [running(1), running(2)])).toBe(true);
    expect(pastBackoffLimitOnFailure(job(0), [running(1)])).toBe(true);
  });
});

describe('activeDeadlineRemainingMs', () => {
  it('counts from startTime and stops while suspended', () => {
    const job: Job = {
      spec: { activeDeadlineSeconds: 10, template: {} },
      status: { startTime: '2026-01-01T00:00:00Z' },
    };
    expect(activeDeadlineRemainingMs(job, T0 + 4000)).toBe(6000);
    expect(
      activeDeadlineRemainingMs(
        { ...job, spec: { ...job.spec, suspend: true } as Job['spec'] },
        T0,
      ),
    ).toBeUndefined();
  });
});
