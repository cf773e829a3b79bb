import type { Job } from 'kubernetes-types/batch/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultJob, generateJobSelector } from '../defaults/job.js';
import { jobValidation } from './job.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
type Spec = NonNullable<Job['spec']>;

function job(mutate: (s: Spec) => void = () => undefined, generate = true): Job {
  const j: Job = {
    metadata: { name: 'pi', namespace: 'default', uid: 'u-1', resourceVersion: '1' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
  };
  if (j.spec) mutate(j.spec);
  defaultJob(j);
  if (generate) generateJobSelector(j);
  return j;
}

describe('job validation', () => {
  it('accepts a job with a generated selector', () => {
    expect(strs(jobValidation.create(job()))).toEqual([]);
  });

  it.each<[string, (s: Spec) => void, string[]]>([
    [
      'restartPolicy Always',
      (s) => {
        if (s.template.spec) s.template.spec.restartPolicy = 'Always';
      },
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
    ['negative parallelism', (s) => (s.parallelism = -1), ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    [
      'indexed without completions',
      (s) => {
        s.completionMode = 'Indexed';
        s.parallelism = 2;
      },
      ['spec.completions: Required value: when completion mode is Indexed'],
    ],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(jobValidation.create(job(mutate)))).toEqual(want);
  });

  it('requires a selector when none was generated', () => {
    expect(strs(jobValidation.create(job(() => undefined, false)))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ]);
  });

  it('keeps the template and selector immutable', () => {
    const n = job((s) => {
      if (s.template.spec) s.template.spec.containers[0] = { name: 'pi', image: 'perl:5' };
    });
    const errs = strs(jobValidation.update(n, job()));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec\.template: Invalid value: .*: field is immutable$/);
  });

  it('validates status counters', () => {
    const n = job();
    Object.assign(n, { status: { active: -1 } });
    expect(strs(jobValidation.status?.(n, job()) ?? [])).toEqual(['status.active: Invalid value: -1: must be greater than or equal to 0']);
  });
});
