import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import type { RuntimeContainer, RuntimeSandbox } from '../runtime/container-runtime.js';
import { computePodActions } from './pod-actions.js';
import type { PodActionInputs } from './pod-actions.js';

const ref = { uid: 'u', name: 'p', namespace: 'default' };
const sb = (attempt: number, state: RuntimeSandbox['state'] = 'ready'): RuntimeSandbox => ({ id: `s${attempt}`, pod: ref, attempt, state, ip: '10.0.0.2', hostNetwork: false, createdAt: attempt });
let n = 0;
const c = (name: string, state: RuntimeContainer['state'], extra: Partial<RuntimeContainer> = {}): RuntimeContainer => ({
  id: `c${++n}`, name, pod: ref, sandboxId: 's0', attempt: 0, hash: 'h', image: 'i', imageId: 'i', state, createdAt: n, logPath: '', labels: {}, ...extra,
});
const pod = (restartPolicy = 'Always', init: string[] = []): Pod => ({
  metadata: { name: 'p', namespace: 'default', uid: 'u' },
  spec: { restartPolicy, containers: [{ name: 'a', image: 'i' }, { name: 'b', image: 'i' }], initContainers: init.map((name) => ({ name, image: 'i' })) },
});
const inputs = (p: Pod, sandboxes: RuntimeSandbox[], containers: RuntimeContainer[], extra: Partial<PodActionInputs> = {}): PodActionInputs => ({
  pod: p, sandboxes, containers, hashes: new Map([['a', 'h'], ['b', 'h']]), unhealthy: new Map(), lastRestartCounts: new Map(), ...extra,
});
const starts = (a: ReturnType<typeof computePodActions>) => a.containersToStart.map((s) => `${s.name}#${s.attempt}`);

describe('computePodActions', () => {
  it('creates the sandbox and starts every container for a new pod', () => {
    const a = computePodActions(inputs(pod(), [], []));
    expect(a).toMatchObject({ createSandbox: true, sandboxAttempt: 0, killPod: false, sandboxChanged: false });
    expect(starts(a)).toEqual(['a#0', 'b#0']);
  });

  it('starts only the first init container, then the next, then the regular ones', () => {
    expect(starts(computePodActions(inputs(pod('Always', ['i1', 'i2']), [], [])))).toEqual(['i1#0']);
    expect(starts(computePodActions(inputs(pod('Always', ['i1', 'i2']), [sb(0)], [c('i1', 'running')])))).toEqual([]);
    expect(starts(computePodActions(inputs(pod('Always', ['i1', 'i2']), [sb(0)], [c('i1', 'exited', { exitCode: 0 })])))).toEqual(['i2#0']);
    expect(starts(computePodActions(inputs(pod('Always', ['i1', 'i2']), [sb(0)], [c('i1', 'exited', { exitCode: 0 }), c('i2', 'exited', { exitCode: 0 })])))).toEqual(['a#0', 'b#0']);
  });

  it('fails the pod when an init container fails under Never, retries it otherwise', () => {
    const failed = [c('i1', 'exited', { exitCode: 1 })];
    expect(computePodActions(inputs(pod('Never', ['i1']), [sb(0)], failed)).podFailed).toBe(true);
    expect(starts(computePodActions(inputs(pod('OnFailure', ['i1']), [sb(0)], failed)))).toEqual(['i1#1']);
  });

  it('restarts by the restart policy, with the next attempt number', () => {
    const exited = (code: number) => [c('a', 'exited', { exitCode: code, attempt: 3 }), c('b', 'running')];
    expect(starts(computePodActions(inputs(pod('Always'), [sb(0)], exited(0))))).toEqual(['a#4']);
    expect(starts(computePodActions(inputs(pod('OnFailure'), [sb(0)], exited(0))))).toEqual([]);
    expect(starts(computePodActions(inputs(pod('OnFailure'), [sb(0)], exited(1))))).toEqual(['a#4']);
    expect(starts(computePodActions(inputs(pod('Never'), [sb(0)], exited(1))))).toEqual([]);
  });

  it('restarts a removed container with the attempt after the one last reported', () => {
    const a = computePodActions(inputs(pod(), [sb(0)], [c('b', 'running')], { lastRestartCounts: new Map([['a', 2]]) }));
    expect(starts(a)).toEqual(['a#3']);
  });

  it('recreates a dead sandbox, killing what is left', () => {
    const a = computePodActions(inputs(pod(), [sb(0, 'notready')], [c('a', 'running'), c('b', 'running')]));
    expect(a).toMatchObject({ createSandbox: true, sandboxAttempt: 1, killPod: true, sandboxChanged: true });
    expect(starts(a).map((s) => s.split('#')[0])).toEqual(['a', 'b']);
  });

  it('kills and restarts a container whose liveness probe failed or whose spec changed', () => {
    const a1 = c('a', 'running');
    const live = computePodActions(inputs(pod(), [sb(0)], [a1, c('b', 'running')], { unhealthy: new Map([[a1.id, 'Container a failed liveness probe, will be restarted']]) }));
    expect(live.containersToKill).toEqual([{ id: a1.id, name: 'a', message: 'Container a failed liveness probe, will be restarted' }]);
    expect(starts(live)).toEqual(['a#1']);
    const changed = computePodActions(inputs(pod(), [sb(0)], [c('a', 'running', { hash: 'old' }), c('b', 'running')]));
    expect(changed.containersToKill.map((k) => k.name)).toEqual(['a']);
  });

  it('stops the sandbox when nothing runs and nothing will', () => {
    const a = computePodActions(inputs(pod('Never'), [sb(0)], [c('a', 'exited', { exitCode: 0 }), c('b', 'exited', { exitCode: 0 })]));
    expect(a).toMatchObject({ killPod: true, createSandbox: false });
    expect(starts(a)).toEqual([]);
  });

  it('does not recreate the sandbox of a Never pod that has already run', () => {
    const a = computePodActions(inputs(pod('Never'), [sb(0, 'notready')], [c('a', 'exited', { exitCode: 0 }), c('b', 'exited', { exitCode: 1 })]));
    expect(a.createSandbox).toBe(false);
    expect(starts(a)).toEqual([]);
  });
});
