/**
 * The bridge between client-side and server-side apply for the `kubectl` manager
 * (internal/lastappliedmanager.go, lastappliedupdater.go): fields the client-side apply
 * annotation set, and that still hold the annotated value, do not conflict; after a
 * server-side apply the annotation is rewritten to the applied configuration.
 */
import type { ApiObject } from '@kubelab/api';
import { isJsonMap } from '../patch/json-value.js';
import { compareValues } from './compare.js';
import type { FieldSet } from './field-set.js';
import { toFieldSet } from './to-field-set.js';
import type { TypeNode } from './type-schema.js';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Only kubectl's own server-side apply takes over from client-side apply. */
export const LAST_APPLIED_MANAGER = 'kubectl';

export function lastAppliedOf(obj: ApiObject | undefined): string | undefined {
  const v = obj?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  return v ? v : undefined;
}

/** The fields the annotation claims and the live object still agrees with; undefined when none. */
export function allowedConflictsFromLastApplied(live: ApiObject, type: TypeNode, groupVersion: string): FieldSet | undefined {
  const text = lastAppliedOf(live);
  if (!text) return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonMap(lastApplied) || lastApplied.apiVersion !== groupVersion) return undefined;
  try {
    const set = toFieldSet(lastApplied, type);
    const c = compareValues(lastApplied, live, type);
    return set.difference(c.modified).difference(c.added).difference(c.removed);
  } catch {
    return undefined;
  }
}

/** The annotation value for an applied configuration: compact JSON with sorted keys and a newline. */
export function buildLastApplied(applied: ApiObject): string {
  const copy = structuredClone(applied);
  const annotations = copy.metadata?.annotations;
  if (annotations) delete annotations[LAST_APPLIED_ANNOTATION];
  return `${sortedJson(copy)}\n`;
}

function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (isJsonMap(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
