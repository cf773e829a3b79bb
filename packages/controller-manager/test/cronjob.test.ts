/**
 * CronJobs driven with the real kubectl against the in-process apiserver and the
 * controller-manager (real clock). Rather than wait for the next minute, the test records an
 * earlier run in the status, so the controller starts the missed run at once.
 */
import { rfc3339, type CronJob, type Job, type Pod } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcmCluster, PODS, resource } from './helpers/kcm-cluster.js';

const JOBS = resource('batch', 'jobs');
const CRON_JOBS = resource('batch', 'cronjobs');

describe('CronJob with kubectl', () => {
  let c: KcmCluster;
  beforeAll(async () => {
    c = await KcmCluster.start();
    c.startControllerManager();
  });
  afterAll(() => c.stop());

  const cronJobs = () => c.client<CronJob>(CRON_JOBS, 'default');
  const jobs = async (): Promise<Job[]> => (await c.client<Job>(JOBS, 'default').list()).items;

  it('creates the Job of a due schedule, named after its minute', async () => {
    const create = await c.kubectl([
      'create',
      'cronjob',
      'hello',
      '--image=busybox',
      '--schedule=* * * * *',
      '--',
      'echo',
      'hi',
    ]);
    expect(create.stdout).toBe('cronjob.batch/hello created\n');
    const cj = await cronJobs().get('hello');
    await cronJobs().updateStatus({
      ...cj,
      status: { lastScheduleTime: rfc3339(Date.now() - 3 * 60_000) },
    });
    const job = await c.waitFor('a scheduled Job', async () =>
      (await jobs()).find((j) => /^hello-\d+$/.test(j.metadata?.name ?? '')),
    );
    const minutes = Number(job.metadata?.name?.slice('hello-'.length));
    expect(job.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      rfc3339(minutes * 60_000),
    );
    expect(job.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'CronJob',
      name: 'hello',
      uid: cj.metadata?.uid,
      controller: true,
    });
    const status = await c.waitFor('the Job in status.active', async () => {
      const s = (await cronJobs().get('hello')).status;
      return s?.active?.length === 1 ? s : undefined;
    });
    expect(status.active?.[0]).toMatchObject({ kind: 'Job', name: job.metadata?.name });
    expect(status.lastScheduleTime).toBe(rfc3339(minutes * 60_000));
    const get = await c.kubectl(['get', 'cronjob', 'hello']);
    expect(get.stdout).toMatch(/\nhello\s+\* \* \* \* \*\s+<none>\s+False\s+1\s+\d+s\s+/);

    // The Job controller runs it; once its pod succeeded the CronJob records the success.
    const pod = await c.waitFor('the pod of the scheduled Job', async () => {
      const ps = (
        await c.client<Pod>(PODS, 'default').list({
          labelSelector: `batch.kubernetes.io/job-name=${job.metadata?.name ?? ''}`,
        })
      ).items;
      return ps[0];
    });
    await c.client<Pod>(PODS, 'default').updateStatus({
      ...pod,
      status: { ...pod.status, phase: 'Succeeded' },
    });
    const done = await c.waitFor('lastSuccessfulTime', async () => {
      const s = (await cronJobs().get('hello')).status;
      return s?.lastSuccessfulTime && (s.active ?? []).length === 0 ? s : undefined;
    });
    expect(done.lastSuccessfulTime).toBeDefined();
    const events = await c.kubectl([
      'get',
      'events',
      '--field-selector=involvedObject.kind=CronJob',
    ]);
    expect(events.stdout).toContain(`Created job ${job.metadata?.name ?? ''}`);
    expect(events.stdout).toContain(
      `Saw completed job: ${job.metadata?.name ?? ''}, status: Complete`,
    );
  });

  it('runs kubectl create job --from=cronjob and reports the Job as unexpected', async () => {
    const create = await c.kubectl(['create', 'job', 'manual', '--from=cronjob/hello']);
    expect(create.stdout).toBe('job.batch/manual created\n');
    const job = await c.client<Job>(JOBS, 'default').get('manual');
    expect(job.metadata?.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    await c.waitFor('the pod of job manual', async () => {
      const ps = (
        await c
          .client<Pod>(PODS, 'default')
          .list({ labelSelector: 'batch.kubernetes.io/job-name=manual' })
      ).items;
      return ps.length === 1;
    });
    await c.waitFor('the UnexpectedJob event', async () => {
      const ev = await c.kubectl(['get', 'events', '--field-selector=reason=UnexpectedJob']);
      return ev.stdout.includes('Saw a job that the controller did not create or forgot: manual');
    });
  });
});
