import type { Job, Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { activePodsForRemoval, wantActive } from './active-pods.js';

const job = (spec: Partial<NonNullable<Job['spec']>>): Job => ({
  spec: { template: {}, parallelism: 2, ...spec },
});

describe('wantActive', () => {
  it('is parallelism for a work queue until a pod succeeded, then what runs', () => {
    expect(wantActive(job({}), 0, 0)).toBe(2);
    expect(wantActive(job({}), 1, 1)).toBe(1);
  });

  it('is the remaining completions, at most parallelism', () => {
    expect(wantActive(job({ completions: 5 }), 0, 0)).toBe(2);
    expect(wantActive(job({ completions: 5 }), 2, 4)).toBe(1);
    expect(wantActive(job({ completions: 5 }), 0, 6)).toBe(0);
  });
});

describe('activePodsForRemoval', () => {
  it('removes unscheduled and pending pods before running ones', () => {
    const pods: Pod[] = [
      {
        metadata: { name: 'running' },
        spec: { nodeName: 'n', containers: [] },
        status: { phase: 'Running' },
      },
      {
        metadata: { name: 'pending' },
        spec: { nodeName: 'n', containers: [] },
        status: { phase: 'Pending' },
      },
      { metadata: { name: 'unscheduled' }, spec: { containers: [] }, status: { phase: 'Pending' } },
    ];
    expect(activePodsForRemoval(job({}), pods, 2).map((p) => p.metadata?.name)).toEqual([
      'unscheduled',
      'pending',
    ]);
  });
});
