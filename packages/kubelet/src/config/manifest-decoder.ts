/**
 * Decoding a manifest as the kubelet's legacyscheme UniversalDecoder does it: utilyaml.ToJSON
 * (JSON passes through; YAML is read as go-yaml v2 reads it: YAML 1.1, first document only,
 * duplicate keys allowed, timestamps kept as strings), then the type meta, then a registered
 * kind. Errors carry the apimachinery wording.
 */
import { findResourceByKind } from '@kubelab/api';
import { parseAllDocuments, type Tags } from 'yaml';

/** The scheme name printed in "no kind is registered" errors (trimmed build paths, as v1.36 prints). */
export const LEGACY_SCHEME_NAME = 'pkg/api/legacyscheme/scheme.go:29';

export interface DecodedObject {
  group: string;
  version: string;
  kind: string;
  /** The object with null fields removed (a JSON null decodes to Go's zero value). */
  object: Record<string, unknown>;
}

const TYPE_META_STRUCT =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** utilyaml's hasJSONPrefix: the data is passed through unchanged. */
function hasJSONPrefix(data: string): boolean {
  return /^[ \t\r\n]*\{/.test(data);
}

/** go-yaml v2 keeps timestamp-looking scalars as strings when decoding into interface{}. */
function dropTimestampTag(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp');
}

/** yaml.YAMLToJSON of the first document; throws with sigs.k8s.io/yaml's wording. */
function yamlFirstDocument(data: string): unknown {
  const docs = parseAllDocuments(data, {
    version: '1.1',
    uniqueKeys: false,
    merge: true,
    customTags: dropTimestampTag,
  });
  const first = Array.isArray(docs) ? docs[0] : docs;
  if (!first) return null;
  const err = first.errors[0];
  if (err) {
    const line = err.linePos?.[0].line ?? 1;
    const msg = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new Error(`error converting YAML to JSON: yaml: line ${line}: ${msg}`);
  }
  return first.toJS({ maxAliasCount: -1 }) as unknown;
}

/** Go's encoding/json sorts map keys; this is what ToJSON's output looks like. */
function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** encoding/json's wording for a syntax error, from V8's position. */
function goJsonSyntaxError(data: string, err: unknown): string {
  const m = /position (\d+)/.exec(String(err));
  const pos = m ? Number(m[1]) : data.length;
  const ch = data[pos];
  if (ch === undefined || pos >= data.trimEnd().length || /Unexpected end/i.test(String(err))) {
    return 'unexpected end of JSON input';
  }
  return `invalid character ${JSON.stringify(ch).replace(/^"|"$/g, "'")} looking for beginning of value`;
}

export interface JsonDocument {
  /** The JSON text as upstream's decoder sees it (quoted in "missing Kind" errors). */
  text: string;
  value: unknown;
}

/** utilyaml.ToJSON plus the JSON parse the serializer does next. */
export function toJsonDocument(data: string): JsonDocument {
  if (hasJSONPrefix(data)) {
    try {
      return { text: data, value: JSON.parse(data) as unknown };
    } catch (err) {
      throw new Error(
        `couldn't get version/kind; json parse error: ${goJsonSyntaxError(data, err)}`,
        {
          cause: err,
        },
      );
    }
  }
  const value = yamlFirstDocument(data);
  return { text: goJson(value), value };
}

function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** Removes null-valued fields at every depth: a JSON null leaves a Go field at its zero value. */
export function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== null && x !== undefined) out[k] = pruneNulls(x);
    }
    return out;
  }
  return v;
}

function registered(group: string, version: string, kind: string): boolean {
  const apiVersion = group ? `${group}/${version}` : version;
  if (findResourceByKind(apiVersion, kind)) return true;
  if (kind === 'List' && apiVersion === 'v1') return true;
  return kind.endsWith('List') && findResourceByKind(apiVersion, kind.slice(0, -4)) !== undefined;
}

export interface TypeMeta {
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
}

/** The serializer's first step: apiVersion and kind, or the errors apimachinery gives. */
export function readTypeMeta(doc: JsonDocument): TypeMeta {
  const v = doc.value;
  if (v !== null && (typeof v !== 'object' || Array.isArray(v))) {
    throw new Error(
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${goTypeName(v)} into Go value of type ${TYPE_META_STRUCT}`,
    );
  }
  const o = (v ?? {}) as Record<string, unknown>;
  for (const field of ['apiVersion', 'kind']) {
    const x = o[field];
    if (x !== undefined && x !== null && typeof x !== 'string') {
      throw new Error(
        `couldn't get version/kind; json parse error: json: cannot unmarshal ${goTypeName(x)} into Go struct field .${field} of type string`,
      );
    }
  }
  const kind = (o['kind'] as string | undefined) ?? '';
  const apiVersion = (o['apiVersion'] as string | undefined) ?? '';
  if (!kind) throw new Error(`Object 'Kind' is missing in '${doc.text}'`);
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  if (!version) throw new Error(`Object 'apiVersion' is missing in '${doc.text}'`);
  return { apiVersion, group, version, kind };
}

/** `no kind "X" is registered for version "v" in scheme "..."`. */
export function notRegistered(meta: TypeMeta, scheme: string): Error {
  return new Error(
    `no kind ${JSON.stringify(meta.kind)} is registered for version ${JSON.stringify(meta.apiVersion)} in scheme ${JSON.stringify(scheme)}`,
  );
}

/** runtime.Decode with the UniversalDecoder: type meta checks, then the registered kind. */
export function decodeObject(data: string): DecodedObject {
  const doc = toJsonDocument(data);
  const meta = readTypeMeta(doc);
  if (!registered(meta.group, meta.version, meta.kind))
    throw notRegistered(meta, LEGACY_SCHEME_NAME);
  const object = pruneNulls(doc.value) as Record<string, unknown>;
  return { group: meta.group, version: meta.version, kind: meta.kind, object };
}

/**
 * An abbreviated Go `%#v` of a decoded internal object, as `invalid pod: %#v` prints it:
 * `&apps.Deployment{TypeMeta:v1.TypeMeta{Kind:"", APIVersion:""}, ObjectMeta:v1.ObjectMeta{Name:"web", ...}, ...}`.
 */
export function goObjectDump(d: DecodedObject): string {
  const pkg = d.group ? (d.group.split('.')[0] ?? d.group) : 'core';
  const typeMeta = 'TypeMeta:v1.TypeMeta{Kind:"", APIVersion:""}';
  if (d.kind.endsWith('List')) {
    const itemKind = d.kind === 'List' ? 'runtime.Object' : `${pkg}.${d.kind.slice(0, -4)}`;
    return (
      `&${pkg}.${d.kind}{${typeMeta}, ListMeta:v1.ListMeta{SelfLink:"", ResourceVersion:"", ` +
      `Continue:"", RemainingItemCount:(*int64)(nil)}, Items:[]${itemKind}{...}}`
    );
  }
  const meta = (d.object['metadata'] ?? {}) as Record<string, unknown>;
  const str = (k: string): string => JSON.stringify(typeof meta[k] === 'string' ? meta[k] : '');
  return (
    `&${pkg}.${d.kind}{${typeMeta}, ` +
    `ObjectMeta:v1.ObjectMeta{Name:${str('name')}, GenerateName:${str('generateName')}, ` +
    `Namespace:${str('namespace')}, ...}, ...}`
  );
}
