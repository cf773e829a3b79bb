import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterRecord, NodeRecord } from '../cluster/layout.js';
import { nodeViewMounts, NotRootError, runInNodeView, unshareArgs, VIEW_SCRIPT } from './node-view.js';

const node = (staticPodPath: string): NodeRecord => ({ name: 'c-worker', role: 'worker', root: '/k/nodes/c-worker', kubeletPort: 1, healthzPort: 2, staticPodPath });

describe('a node view', () => {
  it('binds the node root subtrees, and a staticPodPath outside them', () => {
    expect(nodeViewMounts(node('/etc/kubernetes/manifests'))).toEqual([
      { source: '/k/nodes/c-worker/etc/kubernetes', target: '/etc/kubernetes' },
      { source: '/k/nodes/c-worker/var/lib/kubelet', target: '/var/lib/kubelet' },
      { source: '/k/nodes/c-worker/var/log/pods', target: '/var/log/pods' },
    ]);
    expect(nodeViewMounts(node('/etc/just-to-mess-with-you/')).map((m) => m.target)).toEqual(['/etc/kubernetes', '/etc/just-to-mess-with-you', '/var/lib/kubelet', '/var/log/pods']);
  });

  it('runs the command under unshare with private mounts and its own hostname', () => {
    const cluster = { name: 'c', nodes: [] } as unknown as ClusterRecord;
    const args = unshareArgs({ cluster, node: node('/etc/kubernetes/manifests') }, '/k/nodes/c-worker/usr/local/bin', ['crictl', 'ps']);
    expect(args.slice(0, 8)).toEqual(['--mount', '--uts', '--fork', '--propagation', 'private', 'sh', '-c', VIEW_SCRIPT]);
    expect(args.slice(8)).toEqual([
      'sh',
      'c-worker',
      '/k/nodes/c-worker/usr/local/bin',
      '3',
      '/k/nodes/c-worker/etc/kubernetes',
      '/etc/kubernetes',
      '/k/nodes/c-worker/var/lib/kubelet',
      '/var/lib/kubelet',
      '/k/nodes/c-worker/var/log/pods',
      '/var/log/pods',
      'crictl',
      'ps',
    ]);
  });
});

describe('a node view without root', () => {
  it('is refused with a clear error before anything is written', async () => {
    const spy = vi.spyOn(process, 'getuid').mockReturnValue(1000);
    try {
      const cluster = { name: 'c', nodes: [] } as unknown as ClusterRecord;
      const out = { write: () => true };
      await expect(runInNodeView({ target: { cluster, node: node('/etc/kubernetes/manifests') }, command: ['true'], stdio: { stdin: Readable.from([]), stdout: out, stderr: out } })).rejects.toThrow(NotRootError);
      await expect(runInNodeView({ target: { cluster, node: node('/etc/kubernetes/manifests') }, command: ['true'], stdio: { stdin: Readable.from([]), stdout: out, stderr: out } })).rejects.toThrow(
        "a node's view needs root: it is a new mount and UTS namespace (unshare --mount --uts); run kubelab with sudo",
      );
    } finally {
      spy.mockRestore();
    }
  });
});
