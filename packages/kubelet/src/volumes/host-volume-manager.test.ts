import { access, mkdir, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFound, type Pod } from '@kubelab/api';
import { NodeRoot } from '../node-root.js';
import { HostVolumeManager, VolumeSetUpError } from './host-volume-manager.js';
import type { VolumeObjectSource } from './volume-manager.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kubelab-volumes-'));
  await mkdir(join(root, 'etc/kubernetes/pki'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

class Objects implements VolumeObjectSource {
  configMaps = new Map<string, { data?: Record<string, string> }>();
  secrets = new Map<string, { data?: Record<string, string> }>();
  getConfigMap(_ns: string, name: string) {
    return Promise.resolve(this.configMaps.get(name));
  }
  getSecret(_ns: string, name: string) {
    const s = this.secrets.get(name);
    return s ? Promise.resolve(s) : Promise.reject(notFound({ group: '', resource: 'secrets' }, name));
  }
}

let n = 0;
function pod(volumes: NonNullable<Pod['spec']>['volumes']): Pod {
  return { metadata: { name: 'web', namespace: 'default', uid: `uid-${++n}` }, spec: { containers: [], volumes } };
}
const exists = (p: string) => access(p).then(() => true, () => false);

describe('HostVolumeManager', () => {
  it('sets up every supported volume and maps hostPath under the node root', async () => {
    const objects = new Objects();
    objects.configMaps.set('cfg', { data: { 'app.conf': 'v1' } });
    objects.secrets.set('tls', { data: { 'tls.key': Buffer.from('KEY').toString('base64') } });
    const mgr = new HostVolumeManager({ nodeRoot: new NodeRoot(root), objects, nodeAllocatable: { cpu: '2', memory: '1Gi' } });
    const p = pod([
      { name: 'cache' },
      { name: 'pki', hostPath: { path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate' } },
      { name: 'cfg', configMap: { name: 'cfg' } },
      { name: 'tls', secret: { secretName: 'tls', defaultMode: 0o600 } },
      { name: 'info', downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
      { name: 'api', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
    ]);
    const mounted = await mgr.setUpPodVolumes(p);
    const base = join(root, `var/lib/kubelet/pods/${p.metadata?.uid}/volumes`);
    expect(Object.fromEntries([...mounted].map(([k, v]) => [k, [v.hostPath, v.readOnly]]))).toEqual({
      cache: [join(base, 'kubernetes.io~empty-dir/cache'), false],
      pki: [join(root, 'etc/kubernetes/pki'), false],
      cfg: [join(base, 'kubernetes.io~configmap/cfg'), true],
      tls: [join(base, 'kubernetes.io~secret/tls'), true],
      info: [join(base, 'kubernetes.io~downward-api/info'), true],
      api: [join(base, 'kubernetes.io~projected/api'), true],
    });
    expect(await readFile(join(base, 'kubernetes.io~configmap/cfg/app.conf'), 'utf8')).toBe('v1');
    expect(await readFile(join(base, 'kubernetes.io~secret/tls/tls.key'), 'utf8')).toBe('KEY');
    expect(await readFile(join(base, 'kubernetes.io~downward-api/info/name'), 'utf8')).toBe('web');
    expect(await exists(join(base, 'kubernetes.io~projected/api/token'))).toBe(true);

    // A re-sync picks up the new ConfigMap content through a new ..data.
    const before = await readlink(join(base, 'kubernetes.io~configmap/cfg/..data'));
    objects.configMaps.set('cfg', { data: { 'app.conf': 'v2' } });
    await mgr.setUpPodVolumes(p);
    expect(await readFile(join(base, 'kubernetes.io~configmap/cfg/app.conf'), 'utf8')).toBe('v2');
    expect(await readlink(join(base, 'kubernetes.io~configmap/cfg/..data'))).not.toBe(before);

    // Teardown removes the pod's volume directories but never a hostPath.
    await mgr.tearDownPodVolumes(p.metadata?.uid ?? '');
    expect(await exists(join(root, `var/lib/kubelet/pods/${p.metadata?.uid}`))).toBe(false);
    expect(await exists(join(root, 'etc/kubernetes/pki'))).toBe(true);
  });

  it('reports each failing volume with the upstream MountVolume.SetUp text', async () => {
    const mgr = new HostVolumeManager({ nodeRoot: new NodeRoot(root), objects: new Objects() });
    const err = await mgr
      .setUpPodVolumes(
        pod([
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 'opt', configMap: { name: 'cfg', optional: true } },
          { name: 'tls', secret: { secretName: 'tls' } },
          { name: 'conf', hostPath: { path: '/etc/kubernetes/admin.conf', type: 'File' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VolumeSetUpError);
    expect((err as Error).message).toBe('MountVolume.SetUp failed for volume "cfg" : configmap "cfg" not found');
    expect((err as VolumeSetUpError).failures.map((f) => f.message)).toEqual([
      'MountVolume.SetUp failed for volume "cfg" : configmap "cfg" not found',
      'MountVolume.SetUp failed for volume "tls" : secret "tls" not found',
      'MountVolume.SetUp failed for volume "conf" : hostPath type check failed: /etc/kubernetes/admin.conf is not a file',
      'MountVolume.SetUp failed for volume "data" : kubelab does not support persistentVolumeClaim volumes (only emptyDir, hostPath, configMap, secret, downwardAPI, projected)',
    ]);
  });

  it('serves the cluster CA as kube-root-ca.crt when the API server has none', async () => {
    const mgr = new HostVolumeManager({ nodeRoot: new NodeRoot(root), objects: new Objects(), clusterCaPem: 'CA-PEM' });
    const p = pod([
      { name: 'api', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } },
    ]);
    const mounted = await mgr.setUpPodVolumes(p);
    expect(await readFile(join(mounted.get('api')?.hostPath ?? '', 'ca.crt'), 'utf8')).toBe('CA-PEM');
  });

  it('serialises set-up and teardown of one pod', async () => {
    const objects = new Objects();
    objects.configMaps.set('cfg', { data: { k: 'v' } });
    const mgr = new HostVolumeManager({ nodeRoot: new NodeRoot(root), objects });
    const p = pod([{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'scratch', emptyDir: {} }]);
    const uid = p.metadata?.uid ?? '';
    const results = await Promise.all([mgr.setUpPodVolumes(p), mgr.setUpPodVolumes(p), mgr.tearDownPodVolumes(uid)]);
    expect(results[0]?.size).toBe(2);
    expect(await exists(join(root, `var/lib/kubelet/pods/${uid}`))).toBe(false);
  });
});
