/**
 * Which types the generated schemas start from: every kind (and list kind) in the resource
 * table, the kinds its subresources answer with, and the meta types every API group uses.
 */
import { RESOURCES, groupVersion } from '@kubelab/api';
import type { GroupVersionKind } from '../../src/schema/openapi-schema.js';
import type { TypeDecl } from './declarations.js';
import { declKey } from './declarations.js';
import type { TypeId } from './to-openapi.js';

const META = 'meta/v1';

/** The kubernetes-types module of an API group version: `apps/v1`, `core/v1`, `coordination/v1`. */
export function moduleOfGroupVersion(group: string, version: string): string {
  return `${group === '' ? 'core' : (group.split('.')[0] ?? group)}/${version}`;
}

export function rootTypes(declarations: ReadonlyMap<string, TypeDecl>): TypeId[] {
  const roots: TypeId[] = [];
  const add = (module: string, name: string): void => {
    if (declarations.has(declKey(module, name))) roots.push({ module, name });
  };
  for (const info of RESOURCES) {
    const module = moduleOfGroupVersion(info.group, info.version);
    add(module, info.kind);
    add(module, info.listKind);
    for (const sub of info.subresources) {
      add(moduleOfGroupVersion(sub.group ?? info.group, sub.version ?? info.version), sub.kind);
    }
  }
  for (const name of ['Status', 'DeleteOptions', 'WatchEvent']) add(META, name);
  return roots;
}

/** Every group/version served, including those only reached through subresources (Scale ...). */
export function servedGroupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const info of RESOURCES) {
    seen.set(groupVersion(info), { group: info.group, version: info.version });
    for (const sub of info.subresources) {
      const gv = { group: sub.group ?? info.group, version: sub.version ?? info.version };
      seen.set(groupVersion(gv), gv);
    }
  }
  return [...seen.values()].sort(
    (a, b) => a.group.localeCompare(b.group) || a.version.localeCompare(b.version),
  );
}

/** Upstream registers Status in the core group and DeleteOptions/WatchEvent in every group. */
export function extraGroupVersionKinds(): Record<string, GroupVersionKind[]> {
  const everyGroup = (kind: string): GroupVersionKind[] =>
    servedGroupVersions().map(({ group, version }) => ({ group, kind, version }));
  const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
  return {
    [`${meta}.Status`]: [{ group: '', kind: 'Status', version: 'v1' }],
    [`${meta}.DeleteOptions`]: everyGroup('DeleteOptions'),
    [`${meta}.WatchEvent`]: everyGroup('WatchEvent'),
  };
}
