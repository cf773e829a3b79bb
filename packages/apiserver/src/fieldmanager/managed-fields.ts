/**
 * metadata.managedFields in and out (managedfields internal/managedfields.go): entries are
 * keyed by a manager identifier, the entry's JSON without time and fields (and without the
 * apiVersion for appliers, so that one applier keeps one entry across versions). Encoding sorts
 * entries by operation, time, manager, apiVersion and subresource.
 */
import { isJsonMap } from '../patch/json-value.js';
import { FieldSet } from './field-set.js';
import { fieldsToSet, setToFields } from './fields-v1.js';
import { compareStrings } from './path-element.js';

export type ManagedFieldsOperation = 'Apply' | 'Update';

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: ManagedFieldsOperation;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** Field sets and operation times by manager identifier. */
export interface Managed {
  readonly fields: Map<string, VersionedSet>;
  readonly times: Map<string, string | undefined>;
}

export function emptyManaged(): Managed {
  return { fields: new Map(), times: new Map() };
}

export function copyManaged(m: Managed): Managed {
  return { fields: new Map(m.fields), times: new Map(m.times) };
}

/** BuildManagerIdentifier: `{"manager":"kubectl","operation":"Apply"}`. */
export function managerIdentifier(e: ManagedFieldsEntry): string {
  const id: ManagedFieldsEntry = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.apiVersion && e.operation !== 'Apply') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

/** The entry a manager identifier stands for (no time, no fields). */
export function parseManagerIdentifier(id: string): ManagedFieldsEntry | undefined {
  try {
    const parsed = JSON.parse(id) as unknown;
    return isJsonMap(parsed) ? (parsed as ManagedFieldsEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** DecodeManagedFields; throws on an entry the apiserver would not accept. */
export function decodeManagedFields(entries: unknown): Managed {
  const managed = emptyManaged();
  if (entries === undefined || entries === null) return managed;
  if (!Array.isArray(entries)) throw new Error('managedFields must be a list');
  entries.forEach((raw, i) => {
    if (!isJsonMap(raw)) throw new Error(`managed fields entry ${i} must be an object`);
    const e = raw as ManagedFieldsEntry;
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new Error('operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new Error('apiVersion must not be empty');
    if (e.fieldsType !== 'FieldsV1') {
      throw new Error(
        e.fieldsType ? `invalid fieldsType "${e.fieldsType}" in managed fields entry ${i}` : `missing fieldsType in managed fields entry ${i}`,
      );
    }
    const id = managerIdentifier(e);
    managed.fields.set(id, {
      set: e.fieldsV1 === undefined ? new FieldSet() : fieldsToSet(e.fieldsV1),
      apiVersion: e.apiVersion,
      applied: e.operation === 'Apply',
    });
    managed.times.set(id, e.time);
  });
  return managed;
}

/** The managedFields list to store; undefined when no manager is left. */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] | undefined {
  if (managed.fields.size === 0) return undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const [id, vs] of managed.fields) {
    const base = parseManagerIdentifier(id) ?? {};
    const e: ManagedFieldsEntry = {};
    if (base.manager) e.manager = base.manager;
    e.operation = vs.applied ? 'Apply' : (base.operation ?? 'Update');
    e.apiVersion = vs.apiVersion;
    const time = managed.times.get(id);
    if (time) e.time = time;
    e.fieldsType = 'FieldsV1';
    e.fieldsV1 = setToFields(vs.set);
    if (base.subresource) e.subresource = base.subresource;
    out.push(e);
  }
  return out.sort(compareEntries);
}

function seconds(t: string | undefined): number {
  return t ? Math.floor(Date.parse(t) / 1000) : 0;
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  return (
    compareStrings(p.operation ?? '', q.operation ?? '') ||
    seconds(p.time) - seconds(q.time) ||
    compareStrings(p.manager ?? '', q.manager ?? '') ||
    compareStrings(p.apiVersion ?? '', q.apiVersion ?? '') ||
    compareStrings(p.subresource ?? '', q.subresource ?? '')
  );
}
