/**
 * Jobs driven with the real kubectl against the in-process apiserver and the
 * controller-manager. There is no kubelet: the test writes the pods' terminal status.
 */
import { rfc3339, type Job, type Pod } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcmCluster, PODS, resource } from './helpers/kcm-cluster.js';

const JOBS = resource('batch', 'jobs');

describe('Job with kubectl', () => {
  let c: KcmCluster;
  beforeAll(async () => {
    c = await KcmCluster.start();
    c.startControllerManager();
  });
  afterAll(() => c.stop());

  const jobPods = async (job: string): Promise<Pod[]> =>
    (
      await c
        .client<Pod>(PODS, 'default')
        .list({ labelSelector: `batch.kubernetes.io/job-name=${job}` })
    ).items;

  /** What the kubelet would write once the container exited. */
  const terminate = async (pod: Pod, exitCode: number): Promise<void> => {
    // Finished a minute ago, so that the replacement of a failed pod is not held back.
    const finishedAt = rfc3339(Date.now() - 60_000);
    await c.client<Pod>(PODS, 'default').updateStatus({
      ...pod,
      status: {
        ...pod.status,
        phase: exitCode === 0 ? 'Succeeded' : 'Failed',
        containerStatuses: [
          {
            name: pod.spec?.containers[0]?.name ?? '',
            image: pod.spec?.containers[0]?.image ?? '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: {
              terminated: { exitCode, reason: exitCode ? 'Error' : 'Completed', finishedAt },
            },
          },
        ],
      },
    });
  };

  it('runs kubectl create job to completion', async () => {
    const create = await c.kubectl([
      'create',
      'job',
      'hello',
      '--image=busybox',
      '--',
      'echo',
      'hi',
    ]);
    expect(create.stdout).toBe('job.batch/hello created\n');
    const [pod] = await c.waitFor('the pod of job hello', async () => {
      const ps = await jobPods('hello');
      return ps.length === 1 ? ps : undefined;
    });
    const job = await c.client<Job>(JOBS, 'default').get('hello');
    expect(pod?.metadata?.name).toMatch(/^hello-[a-z0-9]{5}$/);
    expect(pod?.metadata?.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod?.metadata?.labels).toMatchObject({
      'batch.kubernetes.io/controller-uid': job.metadata?.uid,
      'batch.kubernetes.io/job-name': 'hello',
    });
    expect(pod?.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Job',
      name: 'hello',
      controller: true,
    });
    const running = await c.kubectl(['get', 'job', 'hello']);
    expect(running.stdout).toMatch(
      /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nhello\s+Running\s+0\/1\s+/,
    );

    const wait = c.kubectl(['wait', '--for=condition=complete', 'job/hello', '--timeout=60s']);
    await terminate(pod as Pod, 0);
    const waited = await wait;
    expect(waited.stdout).toBe('job.batch/hello condition met\n');
    const done = await c.client<Job>(JOBS, 'default').get('hello');
    expect(done.status?.conditions?.map((x) => [x.type, x.status])).toEqual([
      ['SuccessCriteriaMet', 'True'],
      ['Complete', 'True'],
    ]);
    expect(done.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0 });
    expect(done.status?.completionTime).toBeDefined();
    const get = await c.kubectl(['get', 'jobs']);
    expect(get.stdout).toMatch(/\nhello\s+Complete\s+1\/1\s+\d+s\s+/);
    const finished = await c.waitFor('the finalizer removed', async () => {
      const ps = await jobPods('hello');
      return ps[0]?.metadata?.finalizers === undefined ? ps : undefined;
    });
    expect(finished[0]?.status?.phase).toBe('Succeeded');
    const events = await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=hello']);
    expect(events.stdout).toMatch(/Normal\s+SuccessfulCreate\s+job\/hello\s+Created pod: hello-/);
    expect(events.stdout).toMatch(/Normal\s+Completed\s+job\/hello\s+Job completed/);
  });

  it('fails a Job with BackoffLimitExceeded once its pods failed more than backoffLimit', async () => {
    const manifest = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: boom}',
      'spec:',
      '  backoffLimit: 1',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers: [{name: boom, image: busybox, command: ["false"]}]',
      '',
    ].join('\n');
    expect((await c.kubectl(['apply', '-f', '-'], manifest)).stdout).toBe(
      'job.batch/boom created\n',
    );
    for (let round = 1; round <= 2; round++) {
      const pod = await c.waitFor(`pod ${round} of job boom`, async () => {
        const ps = await jobPods('boom');
        return ps.length === round
          ? ps.find((p) => !p.status?.phase || p.status.phase === 'Pending')
          : undefined;
      });
      await terminate(pod, 1);
    }
    const wait = await c.kubectl(['wait', '--for=condition=failed', 'job/boom', '--timeout=60s']);
    expect(wait.stdout).toBe('job.batch/boom condition met\n');
    const job = await c.client<Job>(JOBS, 'default').get('boom');
    expect(job.status?.conditions?.map((x) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(job.status).toMatchObject({ failed: 2 });
    const get = await c.kubectl(['get', 'job', 'boom']);
    expect(get.stdout).toMatch(/\nboom\s+Failed\s+0\/1\s+/);
    const events = await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=boom']);
    expect(events.stdout).toMatch(
      /Warning\s+BackoffLimitExceeded\s+job\/boom\s+Job has reached the specified backoff limit/,
    );
  });
});
