import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRoot } from '../node-root.js';
import { emptyDirPlugin } from './empty-dir-volume.js';
import type { VolumeHost } from './volume-plugin.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kubelab-emptydir-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('emptyDirPlugin', () => {
  it('makes a world-writable directory under the pod and keeps its contents on a re-sync', async () => {
    const host: VolumeHost = {
      nodeRoot: new NodeRoot(root),
      objects: { getConfigMap: () => Promise.resolve(undefined), getSecret: () => Promise.resolve(undefined) },
      allocatable: {},
      now: () => 0,
    };
    const pod = { metadata: { uid: 'pod-1' }, spec: { containers: [] } };
    const volume = { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } };
    const mounted = await emptyDirPlugin.setUp(volume, pod, host);
    expect(mounted).toEqual({
      name: 'cache',
      hostPath: join(root, 'var/lib/kubelet/pods/pod-1/volumes/kubernetes.io~empty-dir/cache'),
      readOnly: false,
    });
    expect((await stat(mounted.hostPath)).mode & 0o777).toBe(0o777);
    await writeFile(join(mounted.hostPath, 'data'), 'kept');
    await emptyDirPlugin.setUp(volume, pod, host);
    expect(await readFile(join(mounted.hostPath, 'data'), 'utf8')).toBe('kept');
  });
});
