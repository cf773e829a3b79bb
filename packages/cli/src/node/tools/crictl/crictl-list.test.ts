import { describe, expect, it } from 'vitest';
import { parseToolFlags } from '../tool-flags.js';
import { filterContainers, filterSandboxes, PODS_FLAGS, PS_FLAGS } from './crictl-list.js';
import type { CriContainer, CriSandbox } from './runtime-view.js';

const c = (id: string, name: string, state: CriContainer['state'], ns = 'default', createdAt = 0): CriContainer => ({
  id,
  podSandboxId: `pod-${id}`,
  name,
  attempt: 0,
  image: 'sha256:aa',
  imageSpec: 'busybox',
  state,
  createdAt,
  labels: { 'io.kubernetes.pod.namespace': ns, app: name },
  annotations: {},
  logPath: '',
});
const LIST = [c('c3', 'web', 'CONTAINER_RUNNING', 'default', 3), c('c2', 'etcd', 'CONTAINER_EXITED', 'kube-system', 2), c('c1', 'kube-apiserver', 'CONTAINER_RUNNING', 'kube-system', 1)];
const ids = (l: { id: string }[]): string[] => l.map((x) => x.id);
const ps = (...args: string[]): string[] => ids(filterContainers(LIST, parseToolFlags(args, PS_FLAGS)));

describe('crictl ps filters', () => {
  it('shows running containers by default and all with -a', () => {
    expect(ps()).toEqual(['c3', 'c1']);
    expect(ps('-a')).toEqual(['c3', 'c2', 'c1']);
  });

  it('filters by name and namespace regular expressions, state, pod, id and label', () => {
    expect(ps('-a', '--name', 'e')).toEqual(['c3', 'c2', 'c1']);
    expect(ps('-a', '--name', '^kube-')).toEqual(['c1']);
    expect(ps('--namespace', 'kube-system')).toEqual(['c1']);
    expect(ps('--state', 'exited')).toEqual(['c2']);
    expect(ps('-a', '-p', 'pod-c2')).toEqual(['c2']);
    expect(ps('-a', '--id', 'c1')).toEqual(['c1']);
    expect(ps('-a', '--label', 'app=web')).toEqual(['c3']);
  });

  it('--latest and --last ignore the state filter', () => {
    expect(ps('-l')).toEqual(['c3']);
    expect(ps('-n', '2')).toEqual(['c3', 'c2']);
  });

  it('rejects an unknown state as crictl does', () => {
    expect(() => ps('--state', 'sleeping')).toThrow('--state should be one of created, running, exited or unknown');
  });
});

describe('crictl pods filters', () => {
  const pods: CriSandbox[] = [
    { id: 'p2', name: 'web', namespace: 'default', uid: 'u2', attempt: 0, state: 'SANDBOX_NOTREADY', createdAt: 2, labels: {}, annotations: {} },
    { id: 'p1', name: 'etcd-cp', namespace: 'kube-system', uid: 'u1', attempt: 0, state: 'SANDBOX_READY', createdAt: 1, labels: {}, annotations: {} },
  ];
  const run = (...args: string[]): string[] => ids(filterSandboxes(pods, parseToolFlags(args, PODS_FLAGS)));

  it('lists every pod (ready or not) and filters by state, name and namespace', () => {
    expect(run()).toEqual(['p2', 'p1']);
    expect(run('--state', 'Ready')).toEqual(['p1']);
    expect(run('-s', 'notready')).toEqual(['p2']);
    expect(run('--name', 'etcd')).toEqual(['p1']);
    expect(run('--namespace', 'default')).toEqual(['p2']);
  });
});
