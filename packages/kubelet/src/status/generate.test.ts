import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import type { RuntimeContainer, RuntimeSandbox } from '../runtime/container-runtime.js';
import type { SyncError } from './container-statuses.js';
import { generatePodStatus } from './generate.js';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const pod = (restartPolicy = 'Always', init = false): Pod => ({
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
  spec: {
    restartPolicy,
    containers: [{ name: 'main', image: 'busybox' }, { name: 'side', image: 'busybox' }],
    ...(init ? { initContainers: [{ name: 'setup', image: 'busybox' }] } : {}),
  },
});
const sandbox: RuntimeSandbox = { id: 's1', pod: { uid: 'u1', name: 'web', namespace: 'default' }, attempt: 0, state: 'ready', ip: '10.244.0.7', hostNetwork: false, createdAt: NOW - 60_000 };
let n = 0;
const ctr = (name: string, state: RuntimeContainer['state'], extra: Partial<RuntimeContainer> = {}): RuntimeContainer => ({
  id: `c${++n}`,
  name,
  pod: sandbox.pod,
  sandboxId: 's1',
  attempt: 0,
  hash: 'h',
  image: 'busybox',
  imageId: 'docker://sha256:abc',
  state,
  createdAt: NOW - 30_000,
  startedAt: state === 'created' ? undefined : NOW - 30_000,
  logPath: '/x',
  labels: {},
  ...extra,
});

function status(p: Pod, containers: RuntimeContainer[], opts: { errors?: Record<string, SyncError>; ready?: boolean } = {}) {
  return generatePodStatus({
    pod: p,
    sandboxes: [sandbox],
    containers,
    previous: undefined,
    syncErrors: new Map(Object.entries(opts.errors ?? {})),
    isReady: () => opts.ready ?? true,
    isStarted: () => true,
    hostIp: '172.18.0.1',
    now: NOW,
  });
}

describe('generatePodStatus', () => {
  it('is Pending with ContainerCreating before any container exists', () => {
    const s = status(pod(), []);
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses?.map((c) => c.state?.waiting?.reason)).toEqual(['ContainerCreating', 'ContainerCreating']);
    expect(s.conditions?.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [main side]' });
    expect(s.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(s.podIP).toBe('10.244.0.7');
    expect(s.qosClass).toBe('BestEffort');
  });

  it('is Running and Ready when every container runs and is ready', () => {
    const s = status(pod(), [ctr('main', 'running'), ctr('side', 'running')]);
    expect(s.phase).toBe('Running');
    expect(s.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ]);
    expect(s.containerStatuses?.[0]).toMatchObject({ name: 'main', ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2026-11-27T11:59:30Z' } } });
  });

  it('shows CrashLoopBackOff with the last termination, and stays Running under restartPolicy Always', () => {
    const s = status(pod(), [ctr('main', 'exited', { exitCode: 1, reason: 'Error', attempt: 2, finishedAt: NOW - 5000 }), ctr('side', 'running')], {
      errors: { main: { reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=main pod=web_default(u1)' } },
    });
    expect(s.phase).toBe('Running');
    const main = s.containerStatuses?.find((c) => c.name === 'main');
    expect(main?.state?.waiting).toEqual({ reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=main pod=web_default(u1)' });
    expect(main?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(main?.restartCount).toBe(2);
  });

  it('is Succeeded when every container completed under Never or OnFailure, Failed when one failed under Never', () => {
    const done = [ctr('main', 'exited', { exitCode: 0, reason: 'Completed' }), ctr('side', 'exited', { exitCode: 0, reason: 'Completed' })];
    expect(status(pod('Never'), done).phase).toBe('Succeeded');
    expect(status(pod('OnFailure'), done).phase).toBe('Succeeded');
    const failed = [ctr('main', 'exited', { exitCode: 2, reason: 'Error' }), ctr('side', 'exited', { exitCode: 0 })];
    expect(status(pod('Never'), failed).phase).toBe('Failed');
    expect(status(pod('OnFailure'), failed).phase).toBe('Running');
    const s = status(pod('Never'), done);
    expect(s.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('is Pending with Initialized=False while init containers run, PodInitializing for the others', () => {
    const s = status(pod('Always', true), [ctr('setup', 'running')]);
    expect(s.phase).toBe('Pending');
    expect(s.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]' });
    expect(s.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
  });

  it('reports an image pull failure as the waiting reason', () => {
    const s = status(pod(), [ctr('side', 'running')], { errors: { main: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope"' } } });
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses?.find((c) => c.name === 'main')?.state?.waiting?.reason).toBe('ImagePullBackOff');
  });

  it('keeps a terminal phase', () => {
    const s = generatePodStatus({
      pod: pod('Never'),
      sandboxes: [],
      containers: [],
      previous: { phase: 'Succeeded' },
      syncErrors: new Map(),
      isReady: () => true,
      isStarted: () => true,
      hostIp: '1.2.3.4',
      now: NOW,
    });
    expect(s.phase).toBe('Succeeded');
  });
});
