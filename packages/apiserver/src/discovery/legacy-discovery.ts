/**
 * Legacy (unaggregated) discovery: `/api` APIVersions, `/apis` APIGroupList, `/apis/<group>`
 * APIGroup and the per-group-version APIResourceList of `/api/v1` and `/apis/<group>/<version>`.
 */
import type { ResourceInfo, Verb } from '@kubelab/api';
import { groupVersion } from '@kubelab/api';
import { byName, resourcesOf, servedGroups } from './served-groups.js';
import type { ServedGroup } from './served-groups.js';
import { storageVersionHash } from './storage-version-hash.js';

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroup {
  kind: 'APIGroup';
  apiVersion: 'v1';
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: Verb[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: APIResource[];
}

/** `GET /api`: the core versions and the address clients should use. */
export function legacyApiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: servedGroups().find((g) => g.name === '')?.versions ?? [],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `GET /apis`: every named group with its versions. */
export function legacyApiGroupList(): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: servedGroups()
      .filter((g) => g.name !== '')
      .map((g) => groupBody(g)),
  };
}

/** `GET /apis/<group>`, or undefined for a group that is not served. */
export function apiGroup(group: string): APIGroup | undefined {
  const served = group === '' ? undefined : servedGroups().find((g) => g.name === group);
  return served ? { kind: 'APIGroup', apiVersion: 'v1', ...groupBody(served) } : undefined;
}

function groupBody(g: ServedGroup): Omit<APIGroup, 'kind' | 'apiVersion'> {
  const versions = g.versions.map((version) => ({
    groupVersion: groupVersion({ group: g.name, version }),
    version,
  }));
  const [preferredVersion] = versions;
  if (!preferredVersion) throw new Error(`group ${g.name} has no version`);
  return { name: g.name, versions, preferredVersion };
}

const listCache = new Map<string, APIResourceList>();

/** `GET /api/v1` or `GET /apis/<group>/<version>`, or undefined when not served. */
export function apiResourceList(group: string, version: string): APIResourceList | undefined {
  const key = `${group}/${version}`;
  const cached = listCache.get(key);
  if (cached) return cached;
  const infos = resourcesOf(group, version);
  if (infos.length === 0) return undefined;
  const list: APIResourceList = {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: infos.flatMap(resourceEntries).sort(byName),
  };
  listCache.set(key, list);
  return list;
}

function resourceEntries(info: ResourceInfo): APIResource[] {
  const main: APIResource = {
    name: info.plural,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: [...info.verbs].sort(),
  };
  if (info.shortNames.length > 0) main.shortNames = [...info.shortNames];
  if (info.categories.length > 0) main.categories = [...info.categories];
  main.storageVersionHash = storageVersionHash(info.group, info.version, info.kind);
  const subs = info.subresources.map((sub): APIResource => {
    const entry: APIResource = {
      name: `${info.plural}/${sub.name}`,
      singularName: '',
      namespaced: info.namespaced,
      kind: sub.kind,
      verbs: [...sub.verbs].sort(),
    };
    const otherGroup = sub.group !== undefined && sub.group !== info.group;
    const otherVersion = sub.version !== undefined && sub.version !== info.version;
    if (otherGroup || otherVersion) {
      entry.group = sub.group ?? info.group;
      entry.version = sub.version ?? info.version;
    }
    return entry;
  });
  return [main, ...subs];
}
