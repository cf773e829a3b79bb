/**
 * Aggregated discovery (`apidiscovery.k8s.io` APIGroupDiscoveryList), served at `/api` and
 * `/apis` when the client's Accept asks for it. v2 and v2beta1 differ only in apiVersion.
 */
import type { ResourceInfo, SubresourceInfo, Verb } from '@kubelab/api';
import { resourcesOf, servedGroups } from './served-groups.js';

export type AggregatedDiscoveryVersion = 'v2' | 'v2beta1';

interface ResponseKind {
  group: string;
  version: string;
  kind: string;
}

export interface APISubresourceDiscovery {
  subresource: string;
  responseKind: ResponseKind;
  verbs: Verb[];
}

export interface APIResourceDiscovery {
  resource: string;
  responseKind: ResponseKind;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: Verb[];
  shortNames?: string[];
  categories?: string[];
  subresources?: APISubresourceDiscovery[];
}

export interface APIGroupDiscovery {
  metadata: { name: string; creationTimestamp: null };
  versions: { version: string; resources: APIResourceDiscovery[]; freshness: 'Current' }[];
}

export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  metadata: Record<string, never>;
  items: APIGroupDiscovery[];
}

/** The Content-Type kubectl requires to read the body as aggregated discovery. */
export function aggregatedDiscoveryContentType(version: AggregatedDiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

const cache = new Map<string, APIGroupDiscoveryList>();

/** `/api` lists the core group only, `/apis` every named group. */
export function aggregatedDiscovery(
  scope: 'api' | 'apis',
  version: AggregatedDiscoveryVersion,
): APIGroupDiscoveryList {
  const key = `${scope}/${version}`;
  let list = cache.get(key);
  if (!list) {
    const groups = servedGroups().filter((g) => (scope === 'api' ? g.name === '' : g.name !== ''));
    list = {
      kind: 'APIGroupDiscoveryList',
      apiVersion: `apidiscovery.k8s.io/${version}`,
      metadata: {},
      items: groups.map((g) => ({
        metadata: { name: g.name, creationTimestamp: null },
        versions: g.versions.map((v) => ({
          version: v,
          resources: resourcesOf(g.name, v).map(resourceDiscovery),
          freshness: 'Current' as const,
        })),
      })),
    };
    cache.set(key, list);
  }
  return list;
}

function resourceDiscovery(info: ResourceInfo): APIResourceDiscovery {
  const out: APIResourceDiscovery = {
    resource: info.plural,
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs: [...info.verbs].sort(),
  };
  if (info.shortNames.length > 0) out.shortNames = [...info.shortNames];
  if (info.categories.length > 0) out.categories = [...info.categories];
  if (info.subresources.length > 0) {
    out.subresources = [...info.subresources]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((sub) => subresourceDiscovery(info, sub));
  }
  return out;
}

function subresourceDiscovery(parent: ResourceInfo, sub: SubresourceInfo): APISubresourceDiscovery {
  return {
    subresource: sub.name,
    responseKind: {
      group: sub.group ?? parent.group,
      version: sub.version ?? parent.version,
      kind: sub.kind,
    },
    verbs: [...sub.verbs].sort(),
  };
}
