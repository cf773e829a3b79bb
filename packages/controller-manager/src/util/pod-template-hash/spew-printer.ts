/**
 * go-spew's `%#v` rendering (ConfigState{SortKeys, DisableMethods, SpewKeys}) of a Kubernetes
 * object, driven by the JSON form of the object and the Go struct layout of its type: what
 * hashutil.DeepHashObject writes into the hash. Every struct field is printed, zero or not;
 * empty lists and maps print as nil (the controller decodes them from protobuf).
 */
import { GO_STRUCTS, NAMED_MAPS } from './go-types.generated.js';
import { goQuantity } from './go-quantity.js';

interface GoField {
  name: string;
  /** JSON name; '' inline; '-' not in JSON. */
  json: string;
  type: string;
  kind: number;
}

const KIND = { Bool: 1, Map: 21, Ptr: 22, Slice: 23, String: 24, Struct: 25 } as const;
const INT_KINDS = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
const BUILTIN_KINDS: Record<string, number> = {
  string: 24,
  bool: 1,
  int32: 5,
  int64: 6,
  uint8: 8,
  uint64: 11,
  int: 2,
};

const parsed = new Map<string, GoField[]>();

function fieldsOf(type: string): GoField[] | undefined {
  let f = parsed.get(type);
  if (f) return f;
  const spec = GO_STRUCTS[type];
  if (spec === undefined) return undefined;
  f = spec.split('|').map((s) => {
    const [name = '', json = '', t = '', kind = '0'] = s.split(' ');
    return { name, json, type: t, kind: Number(kind) };
  });
  parsed.set(type, f);
  return f;
}

/** The reflect.Kind of a type expression seen as a slice element or map value. */
function kindOf(type: string): number {
  if (type.startsWith('*')) return KIND.Ptr;
  if (type.startsWith('[]')) return KIND.Slice;
  if (type.startsWith('map[') || NAMED_MAPS[type]) return KIND.Map;
  if (GO_STRUCTS[type] !== undefined) return KIND.Struct;
  return BUILTIN_KINDS[type] ?? KIND.String;
}

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go-shaped values for the types whose JSON form differs from their struct. */
function adapt(type: string, v: Json): Json {
  switch (type) {
    case 'resource.Quantity': {
      const q =
        typeof v === 'string'
          ? goQuantity(v)
          : typeof v === 'number'
            ? goQuantity(String(v))
            : undefined;
      if (!q) return { i: { value: 0, scale: 0 }, d: { Dec: null }, s: '', Format: '' };
      return {
        i: { value: q.i.value, scale: q.i.scale },
        d: { Dec: q.dec },
        s: q.s,
        Format: q.format,
      };
    }
    case 'intstr.IntOrString':
      return typeof v === 'number'
        ? { Type: 0, IntVal: v, StrVal: '' }
        : {
            Type: typeof v === 'string' ? 1 : 0,
            IntVal: 0,
            StrVal: typeof v === 'string' ? v : '',
          };
    case 'v1.Time': {
      if (typeof v !== 'string') return { Time: { wall: 0, ext: 0, loc: null } };
      // Seconds since year 1 (time.Time's ext without a monotonic reading), nanos in wall.
      const ms = Date.parse(v);
      return {
        Time: { wall: (ms % 1000) * 1e6, ext: Math.floor(ms / 1000) + 62135596800, loc: null },
      };
    }
    default:
      return v;
  }
}

function decString(d: { unscaled: bigint; scale: number }): string {
  const neg = d.unscaled < 0n;
  let abs = neg ? -d.unscaled : d.unscaled;
  const words: string[] = [];
  while (abs > 0n) {
    words.push((abs & 0xffffffffffffffffn).toString());
    abs >>= 64n;
  }
  const nat = words.length === 0 ? '<nil>' : `[${words.join(' ')}]`;
  return `{unscaled:(big.Int){neg:(bool)${neg} abs:(big.nat)${nat}} scale:(inf.Scale)${d.scale}}`;
}

function printValue(type: string, kind: number, value: Json, showType: boolean): string {
  if (kind === KIND.Ptr) {
    const elem = type.slice(1);
    if (value === null || value === undefined) return showType ? `(${type})<nil>` : '<nil>';
    const head = showType ? `(${type})` : '<*>';
    if (elem === 'inf.Dec') return head + decString(value as { unscaled: bigint; scale: number });
    return head + printValue(elem, kindOf(elem), value, false);
  }
  const head = showType ? `(${type})` : '';
  const v = adapt(type, value);
  switch (kind) {
    case KIND.Bool:
      return `${head}${v === true}`;
    case KIND.String:
      return `${head}${typeof v === 'string' ? v : ''}`;
    case KIND.Slice: {
      if (!Array.isArray(v) || v.length === 0) return `${head}<nil>`;
      const elem = type.slice(2);
      return `${head}[${v.map((e) => printValue(elem, kindOf(elem), e, false)).join(' ')}]`;
    }
    case KIND.Map: {
      if (!isObj(v) || Object.keys(v).length === 0) return `${head}<nil>`;
      const m = /^map\[([^\]]+)\](.+)$/.exec(NAMED_MAPS[type] ?? type);
      const valType = m?.[2] ?? 'string';
      const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `${head}map[${keys.map((k) => `${k}:${printValue(valType, kindOf(valType), v[k], false)}`).join(' ')}]`;
    }
    case KIND.Struct: {
      const fields = fieldsOf(type);
      if (!fields) throw new Error(`spew: no Go layout for ${type}`);
      const obj = isObj(v) ? v : {};
      const parts = fields.map((f) => {
        const fv = f.json === '' ? obj : f.json === '-' ? obj[f.name] : obj[f.json];
        return `${f.name}:${printValue(f.type, f.kind, fv, true)}`;
      });
      return `${head}{${parts.join(' ')}}`;
    }
    default:
      if (INT_KINDS.has(kind))
        return `${head}${typeof v === 'number' || typeof v === 'bigint' ? v.toString() : '0'}`;
      throw new Error(`spew: unsupported kind ${kind} of ${type}`);
  }
}

/** spew.Sprintf("%#v", obj) for a Go value of the named struct type, given its JSON form. */
export function spewSprint(type: string, json: Json): string {
  return printValue(type, KIND.Struct, json, true);
}
