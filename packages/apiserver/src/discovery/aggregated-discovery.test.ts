import { RESOURCES } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { aggregatedDiscovery, aggregatedDiscoveryContentType } from './aggregated-discovery.js';

describe('aggregatedDiscovery', () => {
  it('answers /api with the core group only', () => {
    const list = aggregatedDiscovery('api', 'v2');
    expect(list).toMatchObject({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
    });
    expect(list.items.map((g) => g.metadata)).toEqual([{ name: '', creationTimestamp: null }]);
    const pods = list.items[0]?.versions[0]?.resources.find((r) => r.resource === 'pods');
    expect(pods).toEqual({
      resource: 'pods',
      responseKind: { group: '', version: 'v1', kind: 'Pod' },
      scope: 'Namespaced',
      singularResource: 'pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
      subresources: [
        {
          subresource: 'attach',
          responseKind: { group: '', version: 'v1', kind: 'PodAttachOptions' },
          verbs: ['create', 'get'],
        },
        {
          subresource: 'binding',
          responseKind: { group: '', version: 'v1', kind: 'Binding' },
          verbs: ['create'],
        },
        {
          subresource: 'eviction',
          responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' },
          verbs: ['create'],
        },
        {
          subresource: 'exec',
          responseKind: { group: '', version: 'v1', kind: 'PodExecOptions' },
          verbs: ['create', 'get'],
        },
        {
          subresource: 'log',
          responseKind: { group: '', version: 'v1', kind: 'Pod' },
          verbs: ['get'],
        },
        {
          subresource: 'portforward',
          responseKind: { group: '', version: 'v1', kind: 'PodPortForwardOptions' },
          verbs: ['create', 'get'],
        },
        {
          subresource: 'status',
          responseKind: { group: '', version: 'v1', kind: 'Pod' },
          verbs: ['get', 'patch', 'update'],
        },
      ],
    });
    expect(list.items[0]?.versions[0]).toMatchObject({ version: 'v1', freshness: 'Current' });
  });

  it('answers /apis with every named group in preference order', () => {
    const list = aggregatedDiscovery('apis', 'v2beta1');
    expect(list.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(list.items.map((g) => g.metadata.name)).toEqual([
      'apps',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'batch',
      'coordination.k8s.io',
      'discovery.k8s.io',
    ]);
    const apps = list.items[0]?.versions[0]?.resources ?? [];
    expect(apps.map((r) => r.resource)).toEqual([
      'controllerrevisions',
      'daemonsets',
      'deployments',
      'replicasets',
    ]);
    expect(apps.find((r) => r.resource === 'deployments')?.subresources?.[0]).toEqual({
      subresource: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: ['get', 'patch', 'update'],
    });
    const nodes = aggregatedDiscovery('api', 'v2').items[0]?.versions[0]?.resources.find(
      (r) => r.resource === 'nodes',
    );
    expect(nodes).toMatchObject({ scope: 'Cluster', shortNames: ['no'] });
    expect(nodes).not.toHaveProperty('categories');
  });

  it('lists every resource of the table exactly once', () => {
    const all = [
      ...aggregatedDiscovery('api', 'v2').items,
      ...aggregatedDiscovery('apis', 'v2').items,
    ].flatMap((g) =>
      g.versions.flatMap((v) =>
        v.resources.map((r) => `${g.metadata.name}/${v.version}/${r.resource}`),
      ),
    );
    expect(all.sort()).toEqual(RESOURCES.map((r) => `${r.group}/${r.version}/${r.plural}`).sort());
  });

  it('names the content type kubectl requires', () => {
    expect(aggregatedDiscoveryContentType('v2')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    expect(aggregatedDiscoveryContentType('v2beta1')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
    );
  });
});
