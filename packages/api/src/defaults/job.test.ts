import type { Job } from 'kubernetes-types/batch/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultJob, generateJobSelector } from './job.js';

describe('defaultJob', () => {
  it('defaults completions, parallelism, backoff and modes, and copies template labels', () => {
    const job: Job = {
      metadata: { name: 'pi' },
      spec: { template: { metadata: { labels: { app: 'pi' } }, spec: { restartPolicy: 'Never', containers: [] } } },
    };
    defaultJob(job);
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    });
    expect(job.metadata?.labels).toEqual({ app: 'pi' });
    expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
  });

  it('leaves completions unset when only parallelism is given', () => {
    const job: Job = { spec: { parallelism: 3, template: {} } };
    defaultJob(job);
    expect(job.spec?.completions).toBeUndefined();
    expect(job.spec?.parallelism).toBe(3);
  });
});

describe('generateJobSelector', () => {
  it('labels the template and selects on the controller uid', () => {
    const job: Job = { metadata: { name: 'pi', uid: 'u-1' }, spec: { template: {} } };
    generateJobSelector(job);
    expect(job.spec?.template.metadata?.labels).toEqual({
      'job-name': 'pi',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'u-1',
      'batch.kubernetes.io/controller-uid': 'u-1',
    });
    expect(job.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
  });

  it('does nothing with a manual selector', () => {
    const job: Job = { metadata: { name: 'pi', uid: 'u' }, spec: { manualSelector: true, template: {} } };
    generateJobSelector(job);
    expect(job.spec?.selector).toBeUndefined();
  });
});
