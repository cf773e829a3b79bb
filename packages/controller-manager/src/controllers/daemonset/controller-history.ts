/**
 * A DaemonSet's ControllerRevisions (pkg/controller/daemon/update.go): each holds a patch that
 * restores spec.template, named `<ds>-<hash>` and labelled controller-revision-hash.
 */
import type { ControllerRevision, DaemonSet } from '@kubelab/api';

/** json.Marshal of a map: keys sorted at every level, <, > and & escaped as Go does. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goJson(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** getPatch: {"spec":{"template":{...,"$patch":"replace"}}}. */
export function revisionPatch(ds: DaemonSet): Record<string, unknown> {
  const template = structuredClone(ds.spec?.template ?? {}) as Record<string, unknown>;
  const meta = (template['metadata'] ??= {}) as Record<string, unknown>;
  if (!('creationTimestamp' in meta)) meta['creationTimestamp'] = null;
  template['$patch'] = 'replace';
  return { spec: { template } };
}

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => [k, dropNulls(x)]),
  );
}

/** Match: the revision's data is the DaemonSet's current patch (nulls aside, which servers may drop). */
export function matchesRevision(ds: DaemonSet, history: ControllerRevision): boolean {
  return goJson(dropNulls(history.data)) === goJson(dropNulls(revisionPatch(ds)));
}

export function maxRevision(histories: ControllerRevision[]): number {
  return histories.reduce((m, h) => Math.max(m, h.revision ?? 0), 0);
}

export function byRevisionNumber(a: ControllerRevision, b: ControllerRevision): number {
  return (a.revision ?? 0) - (b.revision ?? 0);
}
