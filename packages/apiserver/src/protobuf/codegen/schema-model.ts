/**
 * Joins the protobuf descriptors (field numbers and types) with the Go structs (JSON names,
 * omitempty, inline, pointer-ness) into FieldSpec tables for the messages reachable from a set of
 * root kinds. Pure: the inputs come from file-descriptors.ts and go-struct-types.ts.
 */
import type { FieldSpec, MessageSpec, RootKind, ScalarKind } from '../schema/field-spec.js';
import {
  PROTO_TYPE,
  type ProtoField,
  type ProtoFile,
  type ProtoMessage,
} from './file-descriptors.js';
import { GO_KIND, structTagValue, type GoStructField } from './go-struct-types.js';

/** Types whose JSON is not their protobuf structure; decode.ts converts them. */
export const SPECIAL_TYPES = new Set([
  'meta.v1.Time',
  'meta.v1.MicroTime',
  'meta.v1.Duration',
  'meta.v1.FieldsV1',
  'intstr.IntOrString',
  'resource.Quantity',
  'runtime.RawExtension',
  // `type ExtraValue []string`: a message {repeated string items = 1} on the wire, a list in JSON.
  'authentication.v1.ExtraValue',
]);

const SCALARS: Record<number, ScalarKind> = {
  [PROTO_TYPE.double]: 'double',
  [PROTO_TYPE.float]: 'float',
  [PROTO_TYPE.int64]: 'int64',
  [PROTO_TYPE.uint64]: 'uint64',
  [PROTO_TYPE.int32]: 'int32',
  [PROTO_TYPE.bool]: 'bool',
  [PROTO_TYPE.string]: 'string',
  [PROTO_TYPE.bytes]: 'bytes',
  [PROTO_TYPE.uint32]: 'uint32',
};

/** `k8s.io.api.core.v1` -> `core.v1`, `k8s.io.apimachinery.pkg.apis.meta.v1` -> `meta.v1`. */
export function shortPackage(pkg: string): string {
  const api = /^k8s\.io\.api\.(.+)$/.exec(pkg);
  if (api?.[1]) return api[1];
  const machinery = /^k8s\.io\.apimachinery\.pkg\.(?:apis\.|util\.|api\.)?(.+)$/.exec(pkg);
  if (machinery?.[1]) return machinery[1];
  throw new Error(`unexpected protobuf package ${pkg}`);
}

interface IndexedMessage {
  readonly file: ProtoFile;
  readonly message: ProtoMessage;
  readonly shortName: string;
}

export class SchemaModel {
  private readonly index = new Map<string, IndexedMessage>();

  constructor(
    files: Iterable<ProtoFile>,
    private readonly goStructs: ReadonlyMap<string, readonly GoStructField[]>,
  ) {
    for (const file of files) {
      for (const message of file.messages) {
        const shortName = `${shortPackage(file.package)}.${message.name}`;
        const full = `.${file.package}.${message.name}`;
        this.index.set(full, { file, message, shortName });
        for (const n of message.nested) {
          this.index.set(`${full}.${n.name}`, {
            file,
            message: n,
            shortName: `${shortName}.${n.name}`,
          });
        }
      }
    }
  }

  /** Message short names reachable from the roots, in breadth-first order. */
  reachable(roots: readonly RootKind[]): string[] {
    const seen = new Set<string>();
    const queue = roots.map((r) => this.byShortName(r.message));
    for (let m = queue.shift(); m; m = queue.shift()) {
      if (seen.has(m.shortName)) continue;
      seen.add(m.shortName);
      if (SPECIAL_TYPES.has(m.shortName)) continue;
      for (const f of m.message.fields) {
        if (f.type !== PROTO_TYPE.message) continue;
        const target = this.byFullName(f.typeName);
        if (target.message.mapEntry) {
          const value = target.message.fields.find((x) => x.number === 2);
          if (value?.type === PROTO_TYPE.message) queue.push(this.byFullName(value.typeName));
        } else {
          queue.push(target);
        }
      }
    }
    return [...seen];
  }

  /** The FieldSpecs of one message, in Go struct order. */
  fields(shortName: string): MessageSpec {
    const m = this.byShortName(shortName);
    if (SPECIAL_TYPES.has(shortName)) {
      return m.message.fields.map((f) => this.spec(f, f.name, {}));
    }
    const goKey = `${m.file.goPackage}.${m.message.name}`;
    const go = this.goStructs.get(goKey);
    if (!go) throw new Error(`no Go struct ${goKey} for ${shortName}`);
    const byNumber = new Map(m.message.fields.map((f) => [f.number, f]));
    const out: FieldSpec[] = [];
    for (const g of go) {
      const pb = structTagValue(g.tag, 'protobuf');
      if (pb === undefined) continue;
      const number = Number(pb.split(',')[1]);
      const f = byNumber.get(number);
      if (!f) throw new Error(`${goKey}.${g.name}: protobuf field ${number} not in descriptor`);
      byNumber.delete(number);
      const [jsonName = '', ...opts] = (structTagValue(g.tag, 'json') ?? '').split(',');
      if (jsonName === '-') throw new Error(`${goKey}.${g.name} has json:"-"`);
      out.push(
        this.spec(f, jsonName || f.name, {
          ptr: g.kind === GO_KIND.Pointer,
          omitempty: opts.includes('omitempty'),
          inline: opts.includes('inline'),
        }),
      );
    }
    if (byNumber.size > 0) {
      throw new Error(`${shortName}: no Go field for ${[...byNumber.keys()].join(', ')}`);
    }
    return out;
  }

  private spec(
    f: ProtoField,
    json: string,
    go: { ptr?: boolean; omitempty?: boolean; inline?: boolean },
  ): FieldSpec {
    let kind: FieldSpec['kind'];
    let type: string | undefined;
    if (f.type === PROTO_TYPE.message) {
      const target = this.byFullName(f.typeName);
      if (target.message.mapEntry) {
        const [key, value] = [1, 2].map((n) => target.message.fields.find((x) => x.number === n));
        if (key?.type !== PROTO_TYPE.string || !value)
          throw new Error(`bad map entry ${f.typeName}`);
        kind = 'map';
        type =
          value.type === PROTO_TYPE.message
            ? this.byFullName(value.typeName).shortName
            : scalar(value);
      } else {
        kind = 'message';
        type = target.shortName;
      }
    } else {
      kind = scalar(f);
    }
    const repeated = f.repeated && kind !== 'map';
    return {
      json,
      no: f.number,
      kind,
      ...(type ? { type } : {}),
      ...(repeated ? { repeated: true as const } : {}),
      ...(go.ptr && !f.repeated ? { ptr: true as const } : {}),
      ...(go.omitempty ? { omitempty: true as const } : {}),
      ...(go.inline ? { inline: true as const } : {}),
    };
  }

  private byShortName(name: string): IndexedMessage {
    for (const m of this.index.values()) if (m.shortName === name) return m;
    throw new Error(`unknown message ${name}`);
  }

  private byFullName(name: string): IndexedMessage {
    const m = this.index.get(name);
    if (!m) throw new Error(`unknown message ${name}`);
    return m;
  }
}

function scalar(f: ProtoField): ScalarKind {
  const k = SCALARS[f.type];
  if (!k) throw new Error(`unsupported protobuf type ${f.type} for field ${f.name}`);
  return k;
}
