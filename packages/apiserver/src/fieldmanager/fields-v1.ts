/**
 * The FieldsV1 wire form of a field set (fieldpath serialize.go): one JSON object per tree node
 * whose keys are serialized path elements; `{}` marks a member, `.` marks a node that is a
 * member and also has children. Keys come out in path-element order.
 */
import { isJsonMap } from '../patch/json-value.js';
import { FieldSet } from './field-set.js';
import type { PathElement } from './path-element.js';
import {
  comparePathElements,
  parsePathElement,
  serializePathElement,
  UnknownPathElementError,
} from './path-element.js';

export type FieldsV1 = Record<string, unknown>;

export function setToFields(set: FieldSet): FieldsV1 {
  return emit(set, false);
}

function emit(set: FieldSet, includeSelf: boolean): FieldsV1 {
  const out: FieldsV1 = {};
  const members = set.memberElements();
  const children = set.childEntries();
  if (includeSelf && (members.length > 0 || children.some(hasPaths))) out['.'] = {};
  let mi = 0;
  let ci = 0;
  while (mi < members.length || ci < children.length) {
    const m = members[mi];
    const c = children[ci];
    if (c && c.set.isEmpty()) {
      ci++;
      continue;
    }
    const cmp = !m ? 1 : !c ? -1 : comparePathElements(m, c.pe);
    if (cmp < 0 && m) {
      out[serializePathElement(m)] = {};
      mi++;
    } else if (cmp > 0 && c) {
      out[serializePathElement(c.pe)] = emit(c.set, false);
      ci++;
    } else if (m && c) {
      out[serializePathElement(c.pe)] = emit(c.set, true);
      mi++;
      ci++;
    }
  }
  return out;
}

const hasPaths = (c: { readonly set: FieldSet }): boolean => !c.set.isEmpty();

/** Decodes FieldsV1; unknown element kinds are dropped, malformed keys throw. */
export function fieldsToSet(fields: unknown): FieldSet {
  if (!isJsonMap(fields)) throw new Error('FieldsV1 must be an object');
  const set = new FieldSet();
  read(fields, [], set);
  return set;
}

/** Reads the entries of one node; returns whether any entry was recognized. */
function read(node: Record<string, unknown>, prefix: PathElement[], into: FieldSet): boolean {
  let recognized = false;
  for (const [k, v] of Object.entries(node)) {
    if (k === '.') continue;
    let pe: PathElement;
    try {
      pe = parsePathElement(k);
    } catch (err) {
      if (err instanceof UnknownPathElementError) continue;
      throw new Error(`parsing key as path element: ${(err as Error).message}`);
    }
    if (!isJsonMap(v)) throw new Error(`FieldsV1 value at ${k} must be an object`);
    recognized = true;
    const path = [...prefix, pe];
    const hasChildren = read(v, path, into);
    if (!hasChildren || Object.hasOwn(v, '.')) into.insert(path);
  }
  return recognized;
}
