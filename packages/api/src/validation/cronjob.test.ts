import type { CronJob } from 'kubernetes-types/batch/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultCronJob } from '../defaults/cronjob.js';
import { cronJobValidation } from './cronjob.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
type Spec = NonNullable<CronJob['spec']>;

function cj(mutate: (s: Spec) => void = () => undefined, name = 'hello'): CronJob {
  const c: CronJob = {
    metadata: { name, namespace: 'default', resourceVersion: '1' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'h', image: 'busybox' }] } } } },
    },
  };
  if (c.spec) mutate(c.spec);
  defaultCronJob(c);
  return c;
}

describe('cronjob validation', () => {
  it('accepts a valid cronjob', () => {
    expect(strs(cronJobValidation.create(cj()))).toEqual([]);
  });

  it.each<[string, (s: Spec) => void, string[]]>([
    ['a bad schedule', (s) => (s.schedule = '* * *'), ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']],
    [
      'TZ in the schedule',
      (s) => (s.schedule = 'TZ=UTC * * * * *'),
      ['spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    ],
    [
      'a selector in the job template',
      (s) => {
        if (s.jobTemplate.spec) s.jobTemplate.spec.selector = { matchLabels: { a: 'b' } };
      },
      ['spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated'],
    ],
    [
      'an unsupported concurrency policy',
      (s) => (s.concurrencyPolicy = 'Sometimes'),
      ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'],
    ],
    ['a local time zone', (s) => (s.timeZone = 'Local'), ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(cronJobValidation.create(cj(mutate)))).toEqual(want);
  });

  it('limits names to 52 characters on create only', () => {
    const long = cj(() => undefined, 'a'.repeat(53));
    expect(strs(cronJobValidation.create(long))).toEqual([`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`]);
    expect(strs(cronJobValidation.update(long, long))).toEqual([]);
  });
});
