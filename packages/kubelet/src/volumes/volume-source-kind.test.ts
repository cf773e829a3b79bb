import { describe, expect, it } from 'vitest';
import { isSupportedVolumeKind, unsupportedVolumeMessage, volumeSourceKind } from './volume-source-kind.js';

describe('volumeSourceKind', () => {
  it('names the source, emptyDir when there is none', () => {
    expect(volumeSourceKind({ name: 'a', hostPath: { path: '/x' } })).toBe('hostPath');
    expect(volumeSourceKind({ name: 'a', nfs: { server: 's', path: '/' } })).toBe('nfs');
    expect(volumeSourceKind({ name: 'a' })).toBe('emptyDir');
  });
  it('tells supported kinds apart', () => {
    expect(isSupportedVolumeKind('projected')).toBe(true);
    expect(isSupportedVolumeKind('persistentVolumeClaim')).toBe(false);
    expect(unsupportedVolumeMessage('csi')).toBe(
      'kubelab does not support csi volumes (only emptyDir, hostPath, configMap, secret, downwardAPI, projected)',
    );
  });
});
