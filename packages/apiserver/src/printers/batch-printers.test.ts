import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '@kubelab/api';
import { cronJobPrinter } from './cron-job.js';
import { jobPrinter } from './job.js';
import { DAY, HOUR, MINUTE, NOW, SECOND, ago } from './test-time.js';

type JobCondition = NonNullable<NonNullable<Job['status']>['conditions']>[number];
const cond = (type: string, status = 'True'): JobCondition => ({ type, status });
const podTemplate = { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } };

function job(spec: Partial<Job['spec']>, status: Job['status'] = {}, deleting = false): Job {
  return {
    metadata: {
      name: 'pi',
      creationTimestamp: ago(20 * MINUTE),
      ...(deleting ? { deletionTimestamp: ago(SECOND) } : {}),
    },
    spec: { template: podTemplate, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'c0ffee' } }, ...spec },
    status,
  };
}

describe('job printer', () => {
  it.each<[string, Job, [string, string, string]]>([
    ['running, completions defaulted to 1', job({}, { startTime: ago(2 * MINUTE + 5 * SECOND), active: 1 }), ['Running', '0/1', '2m5s']],
    ['not started yet', job({ completions: 3, parallelism: 3 }), ['Running', '0/3', '']],
    [
      'complete: duration from start to completion',
      job({ completions: 1 }, { startTime: ago(10 * MINUTE), completionTime: ago(10 * MINUTE - 45 * SECOND), succeeded: 1, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }),
      ['Complete', '1/1', '45s'],
    ],
    ['failed', job({ completions: 2 }, { startTime: ago(MINUTE), failed: 7, conditions: [cond('FailureTarget'), cond('Failed')] }), ['Failed', '0/2', '60s']],
    ['failure target before Failed', job({ completions: 2 }, { conditions: [cond('FailureTarget')] }), ['FailureTarget', '0/2', '']],
    ['success criteria met before Complete', job({ completions: 1 }, { succeeded: 1, conditions: [cond('SuccessCriteriaMet')] }), ['SuccessCriteriaMet', '1/1', '']],
    ['suspended', job({ suspend: true, completions: 5 }, { conditions: [cond('Suspended')] }), ['Suspended', '0/5', '']],
    ['a False Complete condition is ignored', job({}, { conditions: [cond('Complete', 'False')] }), ['Running', '0/1', '']],
    ['terminating', job({}, { startTime: ago(3 * HOUR + 20 * MINUTE) }, true), ['Terminating', '0/1', '3h20m']],
    ['work queue with parallelism', job({ parallelism: 3 }, { succeeded: 2 }), ['Running', '2/1 of 3', '']],
    ['work queue with parallelism 1', job({ parallelism: 1 }), ['Running', '0/1', '']],
  ])('%s', (_name, j, want) => {
    const cells = jobPrinter.print(j, NOW).cells;
    expect(cells.slice(1, 4)).toEqual(want);
    expect([cells[0], cells[4], ...cells.slice(5)]).toEqual(['pi', '20m', 'pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=c0ffee']);
  });

  it('has NAME STATUS COMPLETIONS DURATION AGE + wide', () => {
    expect(jobPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Completions:0', 'Duration:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });
});

describe('cronjob printer', () => {
  const cj = (spec: Partial<CronJob['spec']>, status?: CronJob['status']): CronJob => ({
    metadata: { name: 'hello', creationTimestamp: ago(2 * DAY + 4 * HOUR) },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: podTemplate } }, ...spec },
    status,
  });

  it.each<[string, CronJob, unknown[]]>([
    ['never scheduled', cj({}), ['hello', '*/5 * * * *', '<none>', 'False', 0, '<none>', '2d4h', 'pi', 'perl:5.34', '<none>']],
    [
      'suspended, time zone, one active job',
      cj({ suspend: true, timeZone: 'Europe/Paris' }, { active: [{ kind: 'Job', name: 'hello-29012345' }], lastScheduleTime: ago(3 * MINUTE) }),
      ['hello', '*/5 * * * *', 'Europe/Paris', 'True', 1, '3m', '2d4h', 'pi', 'perl:5.34', '<none>'],
    ],
  ])('%s', (_name, c, want) => {
    expect(cronJobPrinter.print(c, NOW).cells).toEqual(want);
  });

  it('has NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE + wide', () => {
    expect(cronJobPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0', 'Schedule:string:0', 'Timezone:string:0', 'Suspend:boolean:0', 'Active:integer:0',
      'Last Schedule:string:0', 'Age:string:0', 'Containers:string:1', 'Images:string:1', 'Selector:string:1',
    ]);
  });
});
