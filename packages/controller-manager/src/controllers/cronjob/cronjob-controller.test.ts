import { type CronJob, type Job } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CRON_JOBS, JOBS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { CronJobController } from './cronjob-controller.js';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const MINUTE = 60_000;
const jobName = (ms: number): string => `hello-${Math.floor(ms / MINUTE)}`;

function cronJob(spec: Partial<NonNullable<CronJob['spec']>> = {}): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', creationTimestamp: '2026-01-01T09:59:30Z' },
    spec: {
      schedule: '* * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels: { app: 'hello' } },
        spec: {
          template: {
            spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] },
          },
        },
      },
      ...spec,
    },
  };
}

describe('CronJobController', () => {
  let h: ControllerHarness;
  let clock: FakeClock;
  afterEach(() => h.stop());

  async function setup(cj: CronJob): Promise<CronJobController> {
    clock = new FakeClock(T0 - 1000);
    h = new ControllerHarness({ clock });
    await h.seed(CRON_JOBS, cj);
    const c = new CronJobController(h.context);
    await h.start();
    return c;
  }
  const jobs = (): Job[] => h.clients.objects<Job>(JOBS);
  const stored = (): CronJob => h.clients.objects<CronJob>(CRON_JOBS)[0] as CronJob;
  const sync = async (c: CronJobController): Promise<number | undefined> => {
    await h.settle(JOBS, CRON_JOBS);
    const after = await c.sync('default/hello');
    await h.settle(JOBS, CRON_JOBS);
    return after;
  };
  const finish = async (job: Job, type: 'Complete' | 'Failed', atMs: number): Promise<void> => {
    const t = new Date(atMs).toISOString().replace('.000Z', 'Z');
    await h.clients.resource<Job>(JOBS, 'default').updateStatus({
      ...job,
      status: {
        startTime: t,
        ...(type === 'Complete' ? { completionTime: t } : {}),
        conditions: [{ type, status: 'True' }],
      },
    });
  };

  it('waits for the next minute, then creates the Job for it', async () => {
    const c = await setup(cronJob());
    expect(await sync(c)).toBe(1100);
    expect(jobs()).toHaveLength(0);
    clock.advance(1100);
    expect(await sync(c)).toBe(MINUTE);
    const [job] = jobs();
    expect(job?.metadata?.name).toBe(jobName(T0));
    expect(job?.metadata?.labels).toEqual({ app: 'hello' });
    expect(job?.metadata?.annotations).toEqual({
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T10:00:00Z',
    });
    expect(job?.metadata?.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'CronJob', name: 'hello', controller: true }),
    ]);
    expect(stored().status).toEqual({
      active: [
        expect.objectContaining({
          kind: 'Job',
          name: jobName(T0),
          uid: job?.metadata?.uid,
          apiVersion: 'batch/v1',
        }),
      ],
      lastScheduleTime: '2026-01-01T10:00:00Z',
    });
    expect(h.events.map((e) => [e.reason, e.message])).toEqual([
      ['SuccessfulCreate', `Created job ${jobName(T0)}`],
    ]);
    // Syncing again in the same minute creates nothing.
    await sync(c);
    expect(jobs()).toHaveLength(1);
  });

  it('drops a completed Job from the active list and records lastSuccessfulTime', async () => {
    const c = await setup(cronJob());
    clock.advance(1100);
    await sync(c);
    await finish(jobs()[0] as Job, 'Complete', T0 + 5000);
    await sync(c);
    expect(stored().status?.active).toEqual([]);
    expect(stored().status?.lastSuccessfulTime).toBe('2026-01-01T10:00:05Z');
    expect(h.events.at(-1)).toMatchObject({
      reason: 'SawCompletedJob',
      message: `Saw completed job: ${jobName(T0)}, status: Complete`,
    });
  });

  it('skips a run while one is active with Forbid, and replaces it with Replace', async () => {
    const c = await setup(cronJob({ concurrencyPolicy: 'Forbid' }));
    clock.advance(1100);
    await sync(c);
    clock.advance(MINUTE);
    await sync(c);
    expect(jobs()).toHaveLength(1);
    expect(h.events.at(-1)).toMatchObject({
      reason: 'JobAlreadyActive',
      message:
        'Not starting job because prior execution is running and concurrency policy is Forbid',
    });
    const client = h.clients.resource<CronJob>(CRON_JOBS, 'default');
    await client.update({
      ...stored(),
      spec: { ...stored().spec, concurrencyPolicy: 'Replace' } as CronJob['spec'],
    });
    await sync(c);
    expect(jobs().map((j) => j.metadata?.name)).toEqual([jobName(T0 + MINUTE)]);
    expect(h.events.slice(-2).map((e) => e.message)).toEqual([
      `Deleted job ${jobName(T0)}`,
      `Created job ${jobName(T0 + MINUTE)}`,
    ]);
  });

  it('deletes the oldest finished Jobs beyond the history limits', async () => {
    const c = await setup(cronJob({ successfulJobsHistoryLimit: 1 }));
    for (let i = 0; i < 2; i++) {
      clock.advance(i === 0 ? 1100 : MINUTE);
      await sync(c);
    }
    for (const [i, job] of jobs().entries()) await finish(job, 'Complete', T0 + i * MINUTE + 5000);
    await sync(c);
    expect(jobs().map((j) => j.metadata?.name)).toEqual([jobName(T0 + MINUTE)]);
    expect(h.events.find((e) => e.reason === 'SuccessfulDelete')?.message).toBe(
      `Deleted job ${jobName(T0)}`,
    );
  });

  it('creates nothing while suspended, and warns about a Job it did not create', async () => {
    const c = await setup(cronJob({ suspend: true }));
    clock.advance(5 * MINUTE);
    expect(await sync(c)).toBeUndefined();
    expect(jobs()).toHaveLength(0);
    const cj = stored();
    await h.seed(JOBS, {
      metadata: {
        name: 'hello-manual-x',
        namespace: 'default',
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: 'hello',
            uid: cj.metadata?.uid ?? '',
            controller: true,
          },
        ],
      },
      spec: { template: {} },
    } as Job);
    await sync(c);
    expect(h.events.map((e) => [e.type, e.reason, e.message])).toEqual([
      [
        'Warning',
        'UnexpectedJob',
        'Saw a job that the controller did not create or forgot: hello-manual-x',
      ],
    ]);
  });

  it('runs the latest missed schedule and warns when more than 100 were missed', async () => {
    const c = await setup(cronJob());
    clock.advance(3 * 60 * MINUTE);
    await sync(c);
    expect(jobs().map((j) => j.metadata?.name)).toEqual([jobName(T0 + 3 * 60 * MINUTE - MINUTE)]);
    expect(h.events[0]).toMatchObject({
      reason: 'TooManyMissedTimes',
      message:
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    });
  });
});
