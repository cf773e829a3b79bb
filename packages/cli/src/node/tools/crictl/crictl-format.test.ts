import { describe, expect, it } from 'vitest';
import { formatContainerTable, formatSandboxTable, truncatedId } from './crictl-format.js';
import { humanDuration } from './human-duration.js';
import type { CriContainer, CriSandbox } from './runtime-view.js';
import { formatTable } from './table-writer.js';

const NOW = Date.parse('2025-11-27T12:00:00Z');
const ID = 'a2a8d4f5b57cd0e9f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f701';
const POD = 'b5b9a88d02d35e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f';

function container(over: Partial<CriContainer> = {}): CriContainer {
  return {
    id: ID,
    podSandboxId: POD,
    name: 'kube-scheduler',
    attempt: 0,
    image: 'sha256:6e38f40d628db3002f5617342c8872c935de530d867d0f709a2fbda1a302a562',
    imageSpec: 'kubelab/kube-scheduler:v1.32.0',
    state: 'CONTAINER_RUNNING',
    createdAt: NOW - 2 * 60_000,
    labels: { 'io.kubernetes.pod.name': 'kube-scheduler-controlplane', 'io.kubernetes.pod.namespace': 'kube-system', 'io.kubernetes.container.name': 'kube-scheduler' },
    annotations: {},
    logPath: '/var/log/pods/x/kube-scheduler/0.log',
    ...over,
  };
}

describe('humanDuration (go-units)', () => {
  it.each([
    [0, 'Less than a second'],
    [1000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, 'About a minute'],
    [119_999, 'About a minute'],
    [11 * 60_000, '11 minutes'],
    [59 * 60_000, '59 minutes'],
    [60 * 60_000, 'About an hour'],
    [89 * 60_000, 'About an hour'],
    [90 * 60_000, '2 hours'],
    [47 * 3_600_000, '47 hours'],
    [3 * 86_400_000, '3 days'],
    [20 * 86_400_000, '2 weeks'],
    [90 * 86_400_000, '3 months'],
    [800 * 86_400_000, '2 years'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('formatTable (text/tabwriter, minwidth 20, padding 3)', () => {
  it('pads every cell but the last to max(20, widest + 3)', () => {
    expect(formatTable([['A', 'a-rather-long-cell-value', 'x'], ['BB', 'b', 'yy']])).toBe(
      `${'A'.padEnd(20)}${'a-rather-long-cell-value'.padEnd(27)}x\n${'BB'.padEnd(20)}${'b'.padEnd(27)}yy\n`,
    );
  });
});

describe('crictl ps table', () => {
  it('prints crictl columns, 13-char IDs, the image ID and CREATED ago', () => {
    const out = formatContainerTable([container(), container({ id: `f${ID.slice(1)}`, state: 'CONTAINER_EXITED', attempt: 3, createdAt: NOW - 61_000, labels: {} })], { now: NOW });
    const row = (cells: string[], widths: number[]): string => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i] ?? 0) : c)).join('');
    const w = [20, 20, 21, 20, 20, 20, 20, 30];
    expect(out.split('\n')).toEqual([
      row(['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'], w),
      row(['a2a8d4f5b57cd', '6e38f40d628db', '2 minutes ago', 'Running', 'kube-scheduler', '0', 'b5b9a88d02d35', 'kube-scheduler-controlplane', 'kube-system'], w),
      row(['f2a8d4f5b57cd', '6e38f40d628db', 'About a minute ago', 'Exited', 'kube-scheduler', '3', 'b5b9a88d02d35', 'unknown', 'unknown'], w),
      '',
    ]);
    expect(out.split('\n')[1]).toBe('a2a8d4f5b57cd       6e38f40d628db       2 minutes ago        Running             kube-scheduler      0                   b5b9a88d02d35       kube-scheduler-controlplane   kube-system');
  });

  it('keeps full IDs with --no-trunc and a non-digest image as is', () => {
    const out = formatContainerTable([container({ image: 'busybox:latest' })], { now: NOW, noTrunc: true });
    expect(out).toContain(ID);
    expect(out).toContain('busybox:latest');
  });
});

describe('crictl pods table', () => {
  it('prints POD ID CREATED STATE NAME NAMESPACE ATTEMPT RUNTIME with Ready/NotReady', () => {
    const pods: CriSandbox[] = [
      { id: POD, name: 'etcd-cp', namespace: 'kube-system', uid: 'u', attempt: 1, state: 'SANDBOX_READY', createdAt: NOW - 11 * 60_000, labels: {}, annotations: {} },
      { id: ID, name: 'web', namespace: 'default', uid: 'v', attempt: 0, state: 'SANDBOX_NOTREADY', createdAt: NOW - 500, labels: {}, annotations: {} },
    ];
    expect(formatSandboxTable(pods, { now: NOW }).split('\n')).toEqual([
      'POD ID              CREATED                  STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME',
      'b5b9a88d02d35       11 minutes ago           Ready               etcd-cp             kube-system         1                   (default)',
      'a2a8d4f5b57cd       Less than a second ago   NotReady            web                 default             0                   (default)',
      '',
    ]);
  });

  it('truncates IDs to 13 characters after a prefix', () => {
    expect(truncatedId('sha256:0123456789abcdef0123', 'sha256:')).toBe('0123456789abc');
    expect(truncatedId('short')).toBe('short');
  });
});
