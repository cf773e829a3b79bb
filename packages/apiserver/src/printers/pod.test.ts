import { describe, expect, it } from 'vitest';
import type { ContainerState, ContainerStatus, Pod, PodCondition } from '@kubelab/api';
import { podPrinter } from './pod.js';
import { DAY, MINUTE, NOW, SECOND, ago } from './test-time.js';

function status(name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, state, ...extra };
}
const running = (name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  status(name, { running: { startedAt: ago(MINUTE) } }, { ready: true, started: true, ...extra });
const waiting = (name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  status(name, { waiting: { reason } }, extra);
const terminated = (
  name: string,
  t: { exitCode: number; reason?: string; signal?: number },
  extra: Partial<ContainerStatus> = {},
): ContainerStatus => status(name, { terminated: t }, extra);
const crashed = (minutesAgo: number) => ({
  lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(minutesAgo * MINUTE) } },
});
const cond = (type: string, s: 'True' | 'False', reason?: string): PodCondition => ({ type, status: s, reason });

interface PodOpts {
  containers?: string[];
  initContainers?: { name: string; sidecar?: boolean }[];
  phase?: string;
  reason?: string;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  conditions?: PodCondition[];
  deleting?: boolean;
}

function pod(o: PodOpts): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      creationTimestamp: ago(2 * DAY + 4 * 60 * MINUTE),
      ...(o.deleting ? { deletionTimestamp: ago(5 * SECOND) } : {}),
    },
    spec: {
      containers: (o.containers ?? ['app']).map((name) => ({ name, image: 'nginx:1.27' })),
      initContainers: o.initContainers?.map((c) => ({
        name: c.name,
        image: 'busybox',
        ...(c.sidecar ? { restartPolicy: 'Always' } : {}),
      })),
      nodeName: 'node-1',
    },
    status: {
      phase: o.phase ?? 'Running',
      reason: o.reason,
      conditions: o.conditions,
      podIP: '10.244.0.12',
      podIPs: [{ ip: '10.244.0.12' }],
      containerStatuses: o.statuses,
      initContainerStatuses: o.initStatuses,
    },
  };
}

/** READY, STATUS, RESTARTS. */
function summary(p: Pod): unknown[] {
  return podPrinter.print(p, NOW).cells.slice(1, 4);
}

describe('pod printer: READY / STATUS / RESTARTS', () => {
  it.each<[string, PodOpts, [string, string, string]]>([
    ['pending, nothing reported yet', { phase: 'Pending' }, ['0/1', 'Pending', '0']],
    ['container creating', { phase: 'Pending', statuses: [waiting('app', 'ContainerCreating')] }, ['0/1', 'ContainerCreating', '0']],
    ['running and ready', { containers: ['app', 'log'], statuses: [running('app'), running('log')] }, ['2/2', 'Running', '0']],
    ['running, one not ready', { containers: ['app', 'log'], statuses: [running('app'), running('log', { ready: false })] }, ['1/2', 'Running', '0']],
    [
      'crash loop with the last restart 5m ago',
      { statuses: [waiting('app', 'CrashLoopBackOff', { restartCount: 2, ...crashed(5) })] },
      ['0/1', 'CrashLoopBackOff', '2 (5m ago)'],
    ],
    [
      'restarts summed, the latest finishedAt shown',
      {
        containers: ['app', 'log'],
        statuses: [running('app', { restartCount: 3, ...crashed(90) }), running('log', { restartCount: 1, ...crashed(15) })],
      },
      ['2/2', 'Running', '4 (15m ago)'],
    ],
    ['restarts without a finishedAt print the bare count', { statuses: [running('app', { restartCount: 7 })] }, ['1/1', 'Running', '7']],
    ['image pull backoff', { phase: 'Pending', statuses: [waiting('app', 'ImagePullBackOff')] }, ['0/1', 'ImagePullBackOff', '0']],
    ['completed', { phase: 'Succeeded', statuses: [terminated('app', { exitCode: 0, reason: 'Completed' })] }, ['0/1', 'Completed', '0']],
    ['error', { phase: 'Failed', statuses: [terminated('app', { exitCode: 1, reason: 'Error' })] }, ['0/1', 'Error', '0']],
    ['OOMKilled', { statuses: [terminated('app', { exitCode: 137, reason: 'OOMKilled' })] }, ['0/1', 'OOMKilled', '0']],
    ['terminated by a signal, no reason', { statuses: [terminated('app', { exitCode: 137, signal: 9 })] }, ['0/1', 'Signal:9', '0']],
    ['terminated with an exit code, no reason', { statuses: [terminated('app', { exitCode: 2 })] }, ['0/1', 'ExitCode:2', '0']],
    [
      'the first container in spec order decides the status',
      { containers: ['a', 'b'], statuses: [waiting('a', 'CrashLoopBackOff'), waiting('b', 'ImagePullBackOff')] },
      ['0/2', 'CrashLoopBackOff', '0'],
    ],
    [
      'completed container next to a running one, pod Ready',
      { containers: ['job', 'app'], statuses: [terminated('job', { exitCode: 0, reason: 'Completed' }), running('app')], conditions: [cond('Ready', 'True')] },
      ['1/2', 'Running', '0'],
    ],
    [
      'completed container next to a running one, pod not Ready',
      { containers: ['job', 'app'], statuses: [terminated('job', { exitCode: 0, reason: 'Completed' }), running('app')], conditions: [cond('Ready', 'False')] },
      ['1/2', 'NotReady', '0'],
    ],
    ['evicted', { phase: 'Failed', reason: 'Evicted' }, ['0/1', 'Evicted', '0']],
    ['scheduling gated', { phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }, ['0/1', 'SchedulingGated', '0']],
    ['terminating', { deleting: true, statuses: [running('app')] }, ['1/1', 'Terminating', '0']],
    [
      'terminating a pod that already succeeded stays Completed',
      { deleting: true, phase: 'Succeeded', statuses: [terminated('app', { exitCode: 0, reason: 'Completed' })] },
      ['0/1', 'Completed', '0'],
    ],
    ['node lost, not deleted', { reason: 'NodeLost', statuses: [running('app')] }, ['1/1', 'NodeLost', '0']],
    ['node lost and deleted shows Unknown', { deleting: true, reason: 'NodeLost', statuses: [running('app')] }, ['1/1', 'Unknown', '0']],
  ])('%s', (_name, opts, want) => {
    expect(summary(pod(opts))).toEqual(want);
  });
});

describe('pod printer: init and sidecar containers', () => {
  const twoInits = [{ name: 'init-a' }, { name: 'init-b' }];

  it.each<[string, PodOpts, [string, string, string]]>([
    ['first init container running', { phase: 'Pending', initContainers: twoInits, initStatuses: [running('init-a', { ready: false }), waiting('init-b', 'PodInitializing')] }, ['0/1', 'Init:0/2', '0']],
    [
      'second init container running',
      { phase: 'Pending', initContainers: twoInits, initStatuses: [terminated('init-a', { exitCode: 0, reason: 'Completed' }), running('init-b', { ready: false })] },
      ['0/1', 'Init:1/2', '0'],
    ],
    [
      'init container in crash loop',
      {
        phase: 'Pending',
        initContainers: twoInits,
        initStatuses: [waiting('init-a', 'CrashLoopBackOff', { restartCount: 3, ...crashed(1) }), waiting('init-b', 'PodInitializing')],
        conditions: [cond('Initialized', 'False')],
      },
      ['0/1', 'Init:CrashLoopBackOff', '3 (60s ago)'],
    ],
    ['init container failed', { phase: 'Pending', initContainers: twoInits, initStatuses: [terminated('init-a', { exitCode: 1, reason: 'Error' })] }, ['0/1', 'Init:Error', '0']],
    ['init container killed by a signal', { phase: 'Pending', initContainers: twoInits, initStatuses: [terminated('init-a', { exitCode: 137, signal: 9 })] }, ['0/1', 'Init:Signal:9', '0']],
    ['init container exit code, no reason', { phase: 'Pending', initContainers: twoInits, initStatuses: [terminated('init-a', { exitCode: 3 })] }, ['0/1', 'Init:ExitCode:3', '0']],
    [
      'init done, app container initializing',
      {
        phase: 'Pending',
        initContainers: twoInits,
        initStatuses: [terminated('init-a', { exitCode: 0, reason: 'Completed' }), terminated('init-b', { exitCode: 0, reason: 'Completed' })],
        statuses: [waiting('app', 'PodInitializing')],
        conditions: [cond('Initialized', 'True')],
      },
      ['0/1', 'PodInitializing', '0'],
    ],
    [
      'init done, app running',
      {
        initContainers: twoInits,
        initStatuses: [terminated('init-a', { exitCode: 0, reason: 'Completed' }), terminated('init-b', { exitCode: 0, reason: 'Completed' })],
        statuses: [running('app')],
        conditions: [cond('Initialized', 'True')],
      },
      ['1/1', 'Running', '0'],
    ],
    [
      'sidecar started and ready counts in READY; only its restarts count',
      {
        initContainers: [{ name: 'init' }, { name: 'proxy', sidecar: true }],
        initStatuses: [
          terminated('init', { exitCode: 0, reason: 'Completed' }, { restartCount: 4, ...crashed(120) }),
          running('proxy', { restartCount: 1, ...crashed(10) }),
        ],
        statuses: [running('app')],
        conditions: [cond('Initialized', 'True')],
      },
      ['2/2', 'Running', '1 (10m ago)'],
    ],
    [
      'sidecar not started yet keeps the pod initializing',
      { phase: 'Pending', initContainers: [{ name: 'proxy', sidecar: true }], initStatuses: [running('proxy', { ready: false, started: false })] },
      ['0/2', 'Init:0/1', '0'],
    ],
    [
      'sidecar started but not ready',
      {
        initContainers: [{ name: 'proxy', sidecar: true }],
        initStatuses: [running('proxy', { ready: false })],
        statuses: [running('app')],
        conditions: [cond('Initialized', 'True')],
      },
      ['1/2', 'Running', '0'],
    ],
  ])('%s', (_name, opts, want) => {
    expect(summary(pod(opts))).toEqual(want);
  });
});

describe('pod printer: columns and wide cells', () => {
  it('prints the full wide row of a running pod', () => {
    const p = pod({ statuses: [running('app')] });
    expect(podPrinter.print(p, NOW).cells).toEqual(['web', '1/1', 'Running', '0', '2d4h', '10.244.0.12', 'node-1', '<none>', '<none>']);
  });

  it('prints <none> for an unscheduled pod without IP', () => {
    const p: Pod = { ...pod({}), spec: { containers: [{ name: 'app' }] }, status: { phase: 'Pending' } };
    expect(podPrinter.print(p, NOW).cells.slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('prints the nominated node, the first pod IP and readiness gates', () => {
    const base = pod({
      statuses: [running('app')],
      conditions: [cond('Ready', 'True'), cond('example.com/lb', 'True'), cond('example.com/dns', 'False')],
    });
    const p: Pod = {
      ...base,
      spec: {
        containers: [{ name: 'app' }],
        nodeName: 'node-1',
        readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }],
      },
      status: { ...base.status, podIP: undefined, podIPs: [{ ip: 'fd00::5' }, { ip: '10.0.0.5' }], nominatedNodeName: 'node-2' },
    };
    expect(podPrinter.print(p, NOW).cells.slice(5)).toEqual(['fd00::5', 'node-1', 'node-2', '1/2']);
  });

  it('marks succeeded and failed pods with a Completed row condition', () => {
    const done = podPrinter.print(pod({ phase: 'Succeeded' }), NOW);
    expect(done.conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(podPrinter.print(pod({ phase: 'Failed' }), NOW).conditions?.[0]?.reason).toBe('Failed');
    expect(podPrinter.print(pod({}), NOW).conditions).toBeUndefined();
  });

  it('defines the upstream columns in order with wide ones at priority 1', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(podPrinter.columns[0]?.description).toMatch(/^Name must be unique within a namespace\./);
    expect(podPrinter.columns[4]?.description).toMatch(/^CreationTimestamp is a timestamp/);
  });
});
