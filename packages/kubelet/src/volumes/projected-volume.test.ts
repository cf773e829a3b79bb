import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { NodeRoot } from '../node-root.js';
import { collectProjectedData, PLACEHOLDER_SERVICE_ACCOUNT_TOKEN } from './projected-volume.js';
import type { VolumeHost } from './volume-plugin.js';

const host: VolumeHost = {
  nodeRoot: new NodeRoot('/nonexistent'),
  objects: {
    getConfigMap: (_ns, name) => Promise.resolve(name === 'kube-root-ca.crt' ? { data: { 'ca.crt': 'PEM' } } : undefined),
    getSecret: (_ns, name) => Promise.resolve(name === 'creds' ? { data: { user: Buffer.from('admin').toString('base64') } } : undefined),
  },
  allocatable: {},
  now: () => 0,
};
const pod: Pod = { metadata: { name: 'p', namespace: 'team', uid: 'u' }, spec: { containers: [] } };

describe('collectProjectedData', () => {
  it('merges the sources of a kube-api-access volume', async () => {
    const payload = await collectProjectedData(
      {
        defaultMode: 0o644,
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          { secret: { name: 'creds', items: [{ key: 'user', path: 'creds/user', mode: 0o400 }] } },
        ],
      },
      pod,
      host,
    );
    const text = Object.fromEntries([...payload].map(([k, v]) => [k, v.data.toString('utf8')]));
    expect(text).toEqual({ token: PLACEHOLDER_SERVICE_ACCOUNT_TOKEN, 'ca.crt': 'PEM', namespace: 'team', 'creds/user': 'admin' });
    expect(payload.get('creds/user')?.mode).toBe(0o400);
    expect(payload.get('token')?.mode).toBe(0o644);
  });

  it('skips optional missing sources and aggregates the other errors', async () => {
    await expect(
      collectProjectedData(
        {
          sources: [
            { configMap: { name: 'absent', optional: true } },
            { configMap: { name: 'missing' } },
            { secret: { name: 'gone' } },
          ],
        },
        pod,
        host,
      ),
    ).rejects.toThrow('[configmap "missing" not found, secret "gone" not found]');
    expect((await collectProjectedData({ sources: [{ secret: { name: 'gone', optional: true } }] }, pod, host)).size).toBe(0);
  });

  it('refuses projections kubelab cannot make', async () => {
    await expect(
      collectProjectedData({ sources: [{ clusterTrustBundle: { path: 'b', name: 'x' } } as never] }, pod, host),
    ).rejects.toThrow('kubelab does not support clusterTrustBundle projections');
  });
});
