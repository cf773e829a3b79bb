import { describe, expect, it } from 'vitest';
import {
  apiGroup,
  apiResourceList,
  legacyApiGroupList,
  legacyApiVersions,
} from './legacy-discovery.js';
import { storageVersionHash } from './storage-version-hash.js';

describe('legacy discovery', () => {
  it('answers /api with APIVersions', () => {
    expect(legacyApiVersions('127.0.0.1:6443')).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    });
  });

  it('answers /apis with APIGroupList and /apis/<group> with APIGroup', () => {
    const list = legacyApiGroupList() as { kind: string; groups: { name: string }[] };
    expect(list.kind).toBe('APIGroupList');
    expect(list.groups.map((g) => g.name)).toEqual([
      'apps',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'batch',
      'coordination.k8s.io',
      'discovery.k8s.io',
    ]);
    expect(list.groups[0]).toEqual({
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    expect(apiGroup('batch')).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'batch',
      versions: [{ groupVersion: 'batch/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'batch/v1', version: 'v1' },
    });
    expect(apiGroup('nope.example.com')).toBeUndefined();
    expect(apiGroup('')).toBeUndefined();
  });

  it('lists resources and subresources of a group version', () => {
    const core = apiResourceList('', 'v1');
    expect(core).toMatchObject({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'v1' });
    const names = core?.resources.map((r) => r.name) ?? [];
    expect(names).toEqual([...names].sort());
    expect(core?.resources.find((r) => r.name === 'pods')).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
      storageVersionHash: 'xPOwRZ+Yhw8=',
    });
    expect(core?.resources.find((r) => r.name === 'pods/exec')).toEqual({
      name: 'pods/exec',
      singularName: '',
      namespaced: true,
      kind: 'PodExecOptions',
      verbs: ['create', 'get'],
    });
    expect(core?.resources.find((r) => r.name === 'pods/eviction')).toMatchObject({
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
    });
    expect(
      apiResourceList('apps', 'v1')?.resources.find((r) => r.name === 'deployments/scale'),
    ).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
    expect(apiResourceList('', 'v1')?.resources.find((r) => r.name === 'namespaces')).toMatchObject(
      { namespaced: false },
    );
    expect(apiResourceList('apps', 'v2')).toBeUndefined();
    expect(apiResourceList('autoscaling', 'v1')).toBeUndefined();
  });

  it('computes the upstream storage version hash', () => {
    expect(storageVersionHash('', 'v1', 'Pod')).toBe('xPOwRZ+Yhw8=');
    expect(storageVersionHash('apps', 'v1', 'Deployment')).toBe('8aSe+NMegvE=');
  });
});
