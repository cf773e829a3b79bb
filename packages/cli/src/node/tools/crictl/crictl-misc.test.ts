import { describe, expect, it } from 'vitest';
import { formatImagesTable, humanSize, normalizeRepository } from './crictl-images.js';
import { goTime, nodePath } from './crictl-inspect.js';
import { aggregate } from './crictl-remove.js';
import { fatalLine } from './logrus-fatal.js';
import { resolveByPrefix } from './runtime-view.js';

describe('crictl images', () => {
  it('names images as containerd does and sizes them as go-units', () => {
    expect(normalizeRepository('busybox')).toBe('docker.io/library/busybox');
    expect(normalizeRepository('kubelab/pause')).toBe('docker.io/kubelab/pause');
    expect(normalizeRepository('registry.k8s.io/pause')).toBe('registry.k8s.io/pause');
    expect(normalizeRepository('localhost:5000/x')).toBe('localhost:5000/x');
    expect(humanSize(1_979_234)).toBe('1.98MB');
    expect(humanSize(683_000)).toBe('683kB');
    expect(humanSize(1_500_000_000)).toBe('1.5GB');
    expect(humanSize(12)).toBe('12B');
  });

  it('prints one row per repo tag', () => {
    const out = formatImagesTable([{ id: 'sha256:3e7731c44b83aaaa', repoTags: ['registry.k8s.io/pause:3.10', 'kubelab/pause:3.10'], size: 683_000 }], false);
    expect(out.split('\n')).toEqual([
      'IMAGE                     TAG                 IMAGE ID            SIZE',
      'registry.k8s.io/pause     3.10                3e7731c44b83a       683kB',
      'docker.io/kubelab/pause   3.10                3e7731c44b83a       683kB',
      '',
    ]);
  });
});

describe('crictl inspect helpers', () => {
  it('prints times as Go RFC3339Nano and Go zero time', () => {
    expect(goTime('2025-11-27T23:39:58.123456700Z')).toBe('2025-11-27T23:39:58.1234567Z');
    expect(goTime('2025-11-27T23:39:58Z')).toBe('2025-11-27T23:39:58Z');
    expect(goTime('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00Z');
  });

  it('shows host paths under the node root as node paths', () => {
    expect(nodePath('/k/nodes/n1/var/log/pods/a/0.log', '/k/nodes/n1')).toBe('/var/log/pods/a/0.log');
    expect(nodePath('/other/x', '/k/nodes/n1')).toBe('/other/x');
  });
});

describe('ID prefixes', () => {
  const items = [{ id: 'abc123' }, { id: 'abd456' }];
  it('resolves a unique prefix and reports missing or ambiguous ones as containerd does', () => {
    expect(resolveByPrefix(items, 'abc', 'container').id).toBe('abc123');
    expect(() => resolveByPrefix(items, 'zz', 'container')).toThrow('rpc error: code = NotFound desc = an error occurred when try to find container "zz": not found');
    expect(() => resolveByPrefix(items, 'ab', 'container')).toThrow('ambiguous ID "ab"');
  });
});

describe('errors', () => {
  it('aggregates as utilerrors does and prints logrus fatal lines', () => {
    expect(aggregate(['a'])).toBe('a');
    expect(aggregate(['a', 'b'])).toBe('[a, b]');
    expect(fatalLine('ID cannot be empty', { tty: true, at: new Date(0), elapsedSeconds: 0.2 })).toBe('FATA[0000] ID cannot be empty\n');
    const line = fatalLine('container "x" is running', { tty: false, at: new Date('2025-11-27T23:39:58Z'), elapsedSeconds: 0 });
    expect(line).toMatch(/^time="2025-11-2\dT\d\d:\d\d:58(Z|[+-]\d\d:\d\d)" level=fatal msg="container \\"x\\" is running"\n$/);
  });
});
