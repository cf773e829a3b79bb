import { rfc3339, type Job, type Pod } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { JOBS, PODS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { JobController } from './job-controller.js';
import { JOB_TRACKING_FINALIZER } from './job-pods.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function job(spec: Partial<NonNullable<Job['spec']>> = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', labels: { job: 'pi' } },
    spec: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { job: 'pi' } },
      template: {
        metadata: { labels: { job: 'pi' } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] },
      },
      ...spec,
    },
  };
}

describe('JobController', () => {
  let h: ControllerHarness;
  let clock: FakeClock;
  afterEach(() => h.stop());

  async function setup(j: Job): Promise<JobController> {
    clock = new FakeClock(T0);
    h = new ControllerHarness({ clock });
    await h.seed(JOBS, j);
    const c = new JobController(h.context);
    await h.start();
    return c;
  }
  const pods = (): Pod[] => h.clients.objects<Pod>(PODS);
  const stored = (): Job => h.clients.objects<Job>(JOBS)[0] as Job;
  const finish = async (pod: Pod, phase: 'Succeeded' | 'Failed'): Promise<void> => {
    const finishedAt = rfc3339(clock.now());
    await h.clients.resource<Pod>(PODS, 'default').updateStatus({
      ...pod,
      status: {
        phase,
        containerStatuses: [
          {
            name: 'pi',
            image: 'perl',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt } },
          },
        ],
      },
    });
    await h.settle(PODS, JOBS);
  };
  const sync = async (c: JobController): Promise<void> => {
    await h.settle(PODS, JOBS);
    await c.syncJob('default/pi');
    await h.settle(PODS, JOBS);
  };

  it('creates a pod with the tracking finalizer and the controller reference', async () => {
    const c = await setup(job());
    await sync(c);
    const [pod] = pods();
    expect(pod?.metadata?.generateName).toBe('pi-');
    expect(pod?.metadata?.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(pod?.metadata?.labels).toEqual({ job: 'pi' });
    expect(pod?.metadata?.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'Job',
        name: 'pi',
        controller: true,
        blockOwnerDeletion: true,
      }),
    ]);
    expect(h.events.map((e) => [e.reason, e.message])).toEqual([
      ['SuccessfulCreate', `Created pod: ${pod?.metadata?.name ?? ''}`],
    ]);
    expect(stored().status).toEqual({
      startTime: rfc3339(T0),
      active: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    await sync(c);
    expect(pods()).toHaveLength(1);
  });

  it('completes with SuccessCriteriaMet then Complete once the pod succeeded', async () => {
    const c = await setup(job());
    await sync(c);
    clock.advance(5000);
    await finish(pods()[0] as Pod, 'Succeeded');
    await sync(c);
    const status = stored().status;
    expect(status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['SuccessCriteriaMet', 'True', undefined, undefined],
      ['Complete', 'True', undefined, undefined],
    ]);
    expect(status).toMatchObject({ succeeded: 1, completionTime: rfc3339(T0 + 5000) });
    // Zero counters are omitted, as the API serialises them.
    expect([status?.failed, status?.active]).toEqual([undefined, undefined]);
    expect(status?.uncountedTerminatedPods).toEqual({});
    expect(pods()[0]?.metadata?.finalizers).toEqual([]);
    expect(h.events.at(-1)).toMatchObject({ reason: 'Completed', message: 'Job completed' });
  });

  it('fails with BackoffLimitExceeded after more failures than backoffLimit', async () => {
    const c = await setup(job({ backoffLimit: 0 }));
    await sync(c);
    await finish(pods()[0] as Pod, 'Failed');
    await sync(c);
    const status = stored().status;
    expect(status?.conditions?.map((x) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(status).toMatchObject({ failed: 1, ready: 0, terminating: 0 });
    expect([status?.succeeded, status?.active]).toEqual([undefined, undefined]);
    expect(status?.completionTime).toBeUndefined();
    expect(h.events.at(-1)).toMatchObject({
      type: 'Warning',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(pods()).toHaveLength(1);
  });

  it('waits 10 s, then 20 s, before replacing failed pods', async () => {
    const c = await setup(job({ backoffLimit: 3 }));
    await sync(c);
    await finish(pods()[0] as Pod, 'Failed');
    await sync(c);
    expect(pods()).toHaveLength(1);
    expect(stored().status?.failed).toBe(1);
    clock.advance(9_000);
    await sync(c);
    expect(pods()).toHaveLength(1);
    clock.advance(1_000);
    await sync(c);
    expect(pods()).toHaveLength(2);
    const second = pods().find((p) => !p.status?.phase) as Pod;
    await finish(second, 'Failed');
    await sync(c);
    clock.advance(19_000);
    await sync(c);
    expect(pods()).toHaveLength(2);
    clock.advance(1_000);
    await sync(c);
    expect(pods()).toHaveLength(3);
  });

  it('runs an Indexed Job with one pod per index and reports completedIndexes', async () => {
    const c = await setup(job({ completionMode: 'Indexed', completions: 3, parallelism: 2 }));
    await sync(c);
    const created = pods().sort((a, b) =>
      (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
    );
    expect(created.map((p) => p.metadata?.generateName)).toEqual(['pi-0-', 'pi-1-']);
    const [first] = created;
    expect(first?.spec?.hostname).toBe('pi-0');
    expect(first?.metadata?.annotations).toEqual({
      'batch.kubernetes.io/job-completion-index': '0',
    });
    expect(first?.metadata?.labels).toMatchObject({
      'batch.kubernetes.io/job-completion-index': '0',
    });
    expect(first?.spec?.containers[0]?.env).toEqual([
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: {
          fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" },
        },
      },
    ]);
    await finish(first as Pod, 'Succeeded');
    await sync(c);
    expect(stored().status).toMatchObject({ succeeded: 1, completedIndexes: '0' });
    await sync(c);
    expect(
      pods()
        .map((p) => p.metadata?.generateName)
        .sort(),
    ).toEqual(['pi-0-', 'pi-1-', 'pi-2-']);
  });

  it('deletes active pods when suspended and records Suspended and Resumed', async () => {
    const c = await setup(job());
    await sync(c);
    const client = h.clients.resource<Job>(JOBS, 'default');
    await client.update({ ...stored(), spec: { ...stored().spec, suspend: true } as Job['spec'] });
    await sync(c);
    expect(pods()).toHaveLength(0);
    expect(
      stored().status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message]),
    ).toEqual([['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
    expect(stored().status?.failed ?? 0).toBe(0);
    await client.update({ ...stored(), spec: { ...stored().spec, suspend: false } as Job['spec'] });
    clock.advance(60_000);
    await sync(c);
    expect(pods()).toHaveLength(1);
    expect(stored().status?.conditions?.[0]).toMatchObject({
      type: 'Suspended',
      status: 'False',
      reason: 'JobResumed',
      message: 'Job resumed',
    });
    expect(stored().status?.startTime).toBe(rfc3339(T0 + 60_000));
    expect(h.events.map((e) => e.reason)).toEqual([
      'SuccessfulCreate',
      'SuccessfulDelete',
      'Suspended',
      'SuccessfulCreate',
      'Resumed',
    ]);
  });

  it('fails with DeadlineExceeded once activeDeadlineSeconds passed', async () => {
    const c = await setup(job({ activeDeadlineSeconds: 30 }));
    await sync(c);
    clock.advance(30_000);
    await sync(c);
    await sync(c);
    expect(pods()).toHaveLength(0);
    expect(stored().status?.conditions?.map((x) => [x.type, x.reason])).toEqual([
      ['FailureTarget', 'DeadlineExceeded'],
      ['Failed', 'DeadlineExceeded'],
    ]);
    expect(stored().status?.failed).toBe(1);
    expect(h.events.at(-1)).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
  });

  it('fails an OnFailure Job whose container restarts reach backoffLimit', async () => {
    const base = job({ backoffLimit: 2 });
    const tmpl = base.spec?.template;
    if (tmpl?.spec) tmpl.spec.restartPolicy = 'OnFailure';
    const c = await setup(base);
    await sync(c);
    const pod = pods()[0] as Pod;
    await h.clients.resource<Pod>(PODS, 'default').updateStatus({
      ...pod,
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'pi', image: 'perl', imageID: '', ready: false, restartCount: 2 },
        ],
      },
    });
    await sync(c);
    await sync(c);
    expect(stored().status?.conditions?.map((x) => x.type)).toEqual(['FailureTarget', 'Failed']);
  });
});
