/**
 * Namespaces: a default ServiceAccount appears in each; `kubectl delete ns` returns once the
 * namespace controller has emptied it and removed the kubernetes finalizer.
 */
import type { Namespace, ServiceAccount } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcmCluster, PODS, resource } from './helpers/kcm-cluster.js';

const NAMESPACES = resource('', 'namespaces');
const SERVICE_ACCOUNTS = resource('', 'serviceaccounts');
const CONFIGMAPS = resource('', 'configmaps');

describe('namespaces', () => {
  let c: KcmCluster;
  beforeAll(async () => {
    c = await KcmCluster.start();
    c.startControllerManager();
    await c.runFakeKubelets();
  });
  afterAll(() => c.stop());

  it('gives every namespace a default ServiceAccount, recreated when deleted', async () => {
    expect((await c.kubectl(['create', 'namespace', 'team-a'])).code).toBe(0);
    const sa = c.client<ServiceAccount>(SERVICE_ACCOUNTS, 'team-a');
    await c.waitFor('default ServiceAccount', () =>
      sa.get('default').then(
        () => true,
        () => false,
      ),
    );
    expect((await c.kubectl(['delete', 'serviceaccount', 'default', '-n', 'team-a'])).code).toBe(0);
    await c.waitFor('default ServiceAccount recreated', () =>
      sa.get('default').then(
        () => true,
        () => false,
      ),
    );
    await c.waitFor('default in kube-system too', () =>
      c
        .client<ServiceAccount>(SERVICE_ACCOUNTS, 'kube-system')
        .get('default')
        .then(
          () => true,
          () => false,
        ),
    );
  });

  it('deletes a namespace with its contents', async () => {
    expect((await c.kubectl(['create', 'namespace', 'lab'])).code).toBe(0);
    expect(
      (
        await c.kubectl([
          'create',
          'deployment',
          'web',
          '--image=nginx',
          '--replicas=2',
          '-n',
          'lab',
        ])
      ).code,
    ).toBe(0);
    expect(
      (await c.kubectl(['create', 'configmap', 'cfg', '--from-literal=a=b', '-n', 'lab'])).code,
    ).toBe(0);
    expect(
      (await c.kubectl(['rollout', 'status', 'deployment/web', '-n', 'lab', '--timeout=60s'])).code,
    ).toBe(0);
    const del = await c.kubectl(['delete', 'namespace', 'lab', '--timeout=90s']);
    expect(del.stdout).toBe('namespace "lab" deleted\n');
    expect(del.code).toBe(0);
    const get = await c.kubectl(['get', 'namespace', 'lab']);
    expect(get.stderr).toBe('Error from server (NotFound): namespaces "lab" not found\n');
    expect((await c.client(PODS, 'lab').list()).items).toEqual([]);
    expect((await c.client(CONFIGMAPS, 'lab').list()).items).toEqual([]);
    expect(
      (await c.client<Namespace>(NAMESPACES).list()).items.map((n) => n.metadata?.name),
    ).not.toContain('lab');
  });
});
