import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { containerStatus, dockerTime, imageRef, toRuntimeSandbox } from './convert.js';

const ZERO = '0001-01-01T00:00:00Z';
function inspect(state: Partial<Dockerode.ContainerInspectInfo['State']>): Dockerode.ContainerInspectInfo {
  return {
    Created: '2026-11-27T23:00:00.000000000Z',
    State: { Status: 'exited', Running: false, OOMKilled: false, ExitCode: 0, Error: '', StartedAt: ZERO, FinishedAt: ZERO, ...state },
  } as Dockerode.ContainerInspectInfo;
}

describe('containerStatus (dockershim mapping)', () => {
  const started = '2026-11-27T23:00:01Z';
  const finished = '2026-11-27T23:00:02Z';
  it('running', () => {
    expect(containerStatus(inspect({ Status: 'running', Running: true, StartedAt: started }))).toMatchObject({
      state: 'running',
      startedAt: Date.parse(started),
    });
  });
  it('exit 0 → Completed, non-zero → Error, OOM → OOMKilled', () => {
    expect(containerStatus(inspect({ StartedAt: started, FinishedAt: finished }))).toMatchObject({ state: 'exited', exitCode: 0, reason: 'Completed' });
    expect(containerStatus(inspect({ StartedAt: started, FinishedAt: finished, ExitCode: 3 }))).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(containerStatus(inspect({ StartedAt: started, FinishedAt: finished, ExitCode: 137, OOMKilled: true }))).toMatchObject({
      reason: 'OOMKilled',
    });
  });
  it('a failed start → ContainerCannotRun with docker’s error, times at creation', () => {
    const created = Date.parse('2026-11-27T23:00:00Z');
    const status = containerStatus(inspect({ Status: 'created', ExitCode: 127, Error: 'exec: "nope": executable file not found in $PATH' }));
    expect(status).toEqual({
      state: 'exited',
      createdAt: created,
      startedAt: created,
      finishedAt: created,
      exitCode: 127,
      reason: 'ContainerCannotRun',
      message: 'exec: "nope": executable file not found in $PATH',
    });
  });
  it('created', () => {
    expect(containerStatus(inspect({ Status: 'created' }))).toEqual({ state: 'created', createdAt: Date.parse('2026-11-27T23:00:00Z') });
  });
});

describe('helpers', () => {
  it('reads docker times and image refs', () => {
    expect(dockerTime(ZERO)).toBeUndefined();
    expect(dockerTime('2026-11-27T23:00:00.5Z')).toBe(Date.parse('2026-11-27T23:00:00.5Z'));
    expect(imageRef('sha256:abc', [])).toBe('docker://sha256:abc');
    expect(imageRef('sha256:abc', ['busybox@sha256:def'])).toBe('docker-pullable://busybox@sha256:def');
  });
  it('builds a sandbox from a list entry (bridge IP, or node IP for hostNetwork)', () => {
    const info = {
      Id: 'sb1',
      Names: ['/k8s_POD_web_default_u-1_2'],
      Created: 1_800_000_000,
      State: 'running',
      Labels: { 'io.kubernetes.pod.name': 'web', 'io.kubernetes.pod.namespace': 'default', 'io.kubernetes.pod.uid': 'u-1' },
      NetworkSettings: { Networks: { 'kubelab-lab': { IPAddress: '10.244.0.5' } } },
    } as unknown as Dockerode.ContainerInfo;
    const ctx = { networkName: 'kubelab-lab', nodeIP: '192.0.2.1' };
    expect(toRuntimeSandbox(info, ctx)).toEqual({
      id: 'sb1',
      pod: { name: 'web', namespace: 'default', uid: 'u-1' },
      attempt: 2,
      state: 'ready',
      ip: '10.244.0.5',
      hostNetwork: false,
      createdAt: 1_800_000_000_000,
    });
    const host = { ...info, State: 'exited', Labels: { ...info.Labels, 'io.kubelab.pod.hostNetwork': 'true' } };
    expect(toRuntimeSandbox(host, ctx)).toMatchObject({ ip: '192.0.2.1', hostNetwork: true, state: 'notready' });
  });
});
