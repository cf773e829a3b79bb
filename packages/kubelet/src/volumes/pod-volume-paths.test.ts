import { describe, expect, it } from 'vitest';
import { PLUGIN_CONFIG_MAP, PLUGIN_EMPTY_DIR, podDir, podVolumeDir, podVolumesDir } from './pod-volume-paths.js';

describe('pod volume paths', () => {
  it('follows the kubelet layout with escaped plugin names', () => {
    expect(podDir('u1')).toBe('/var/lib/kubelet/pods/u1');
    expect(podVolumesDir('u1')).toBe('/var/lib/kubelet/pods/u1/volumes');
    expect(podVolumeDir('u1', PLUGIN_CONFIG_MAP, 'cfg')).toBe('/var/lib/kubelet/pods/u1/volumes/kubernetes.io~configmap/cfg');
    expect(podVolumeDir('u1', PLUGIN_EMPTY_DIR, 'cache')).toBe('/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/cache');
  });
  it('refuses UIDs that would leave the pods directory', () => {
    for (const uid of ['', '..', 'a/b']) expect(() => podDir(uid)).toThrow('invalid pod UID');
  });
});
