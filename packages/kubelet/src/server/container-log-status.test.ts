import type { ContainerStatus } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { validateContainerLogStatus } from './container-log-status.js';

const status = (c: Partial<ContainerStatus>) => ({
  containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, ...c }],
});

describe('validateContainerLogStatus', () => {
  it('reads the running instance, or the previous one when asked', () => {
    const s = status({
      containerID: 'docker://new',
      state: { running: { startedAt: '2026-11-27T23:00:00Z' } },
      lastState: { terminated: { exitCode: 1, containerID: 'docker://old' } },
    });
    expect(validateContainerLogStatus('p', s, 'c', false)).toEqual({ containerId: 'docker://new', current: true });
    expect(validateContainerLogStatus('p', s, 'c', true)).toEqual({ containerId: 'docker://old', current: false });
  });

  it('explains why there is nothing to read', () => {
    expect(validateContainerLogStatus('p', status({ state: { waiting: { reason: 'ContainerCreating' } } }), 'c', false)).toEqual({
      error: 'container "c" in pod "p" is waiting to start: ContainerCreating',
    });
    expect(validateContainerLogStatus('p', status({ state: { waiting: { reason: 'ErrImagePull' } } }), 'c', false)).toEqual({
      error: 'container "c" in pod "p" is waiting to start: image can\'t be pulled',
    });
    expect(validateContainerLogStatus('p', status({ state: { waiting: { reason: 'ImagePullBackOff' } } }), 'c', false)).toEqual({
      error: 'container "c" in pod "p" is waiting to start: trying and failing to pull image',
    });
    expect(validateContainerLogStatus('p', status({ state: { running: {} } }), 'c', true)).toEqual({
      error: 'previous terminated container "c" in pod "p" not found',
    });
    expect(validateContainerLogStatus('p', status({}), 'other', false)).toEqual({ error: 'container "other" in pod "p" is not available' });
    expect(validateContainerLogStatus('p', status({ state: {} }), 'c', false)).toEqual({
      error: 'container "c" in pod "p" is waiting to start - no logs yet',
    });
    expect(validateContainerLogStatus('p', status({ state: { terminated: { exitCode: 128 } } }), 'c', false)).toEqual({
      error: 'container "c" in pod "p" is terminated',
    });
  });

  it('falls back to the last terminated instance of a waiting (restarting) container', () => {
    const s = status({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, containerID: 'docker://old' } } });
    expect(validateContainerLogStatus('p', s, 'c', false)).toEqual({ containerId: 'docker://old', current: false });
  });

  it('finds init containers too', () => {
    const s = { initContainerStatuses: [{ name: 'init', image: 'x', imageID: '', ready: false, restartCount: 0, containerID: 'docker://i', state: { terminated: { exitCode: 0, containerID: 'docker://i' } } }] };
    expect(validateContainerLogStatus('p', s, 'init', false)).toEqual({ containerId: 'docker://i', current: true });
  });
});
