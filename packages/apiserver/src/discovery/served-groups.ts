/**
 * The API groups, versions and resources discovery serves, all taken from the resource table
 * (RESOURCES, in GROUP_ORDER) so that discovery, OpenAPI and the router agree.
 */
import type { ResourceInfo } from '@kubelab/api';
import { GROUP_ORDER, RESOURCES } from '@kubelab/api';

export interface ServedGroup {
  /** "" for the core group. */
  name: string;
  /** In preference order; the first is the preferred version. */
  versions: string[];
}

/** Served groups in discovery order: GROUP_ORDER first, then any other group of the table. */
export function servedGroups(): ServedGroup[] {
  const versions = new Map<string, string[]>();
  for (const info of RESOURCES) {
    const list = versions.get(info.group) ?? [];
    if (!list.includes(info.version)) list.push(info.version);
    versions.set(info.group, list);
  }
  const order = [
    ...GROUP_ORDER.filter((g) => versions.has(g)),
    ...[...versions.keys()].filter((g) => !GROUP_ORDER.includes(g)),
  ];
  return order.map((name) => ({ name, versions: versions.get(name) ?? [] }));
}

/** The resources of one group version, sorted by plural name as upstream lists them. */
export function resourcesOf(group: string, version: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.group === group && r.version === version).sort((a, b) =>
    a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0,
  );
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
