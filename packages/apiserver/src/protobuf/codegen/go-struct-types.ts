/**
 * Reads Go struct types (field names, struct tags, field kinds) from the runtime type metadata
 * of a Go >= 1.21 linux/amd64 binary: the `.typelink` offsets point at every named type reachable
 * by reflection, which includes every Kubernetes API struct that kubectl marshals.
 */
import type { ElfImage } from './elf-image.js';

/** reflect.Kind values used here. */
export const GO_KIND = { Map: 21, Pointer: 22, Slice: 23, String: 24, Struct: 25 } as const;

export interface GoStructField {
  readonly name: string;
  readonly tag: string;
  readonly embedded: boolean;
  readonly kind: number;
  readonly typeName: string;
}

const TFLAG_UNCOMMON = 1;
const TFLAG_EXTRA_STAR = 2;
const NAME_HAS_TAG = 2;
const NAME_EMBEDDED = 8;
const KIND_MASK = 0x1f;

interface GoName {
  readonly flags: number;
  readonly name: string;
  readonly tag: string;
}

class GoTypeReader {
  private readonly typesBase: number;

  constructor(private readonly image: ElfImage) {
    this.typesBase = image.section('.rodata').addr;
  }

  /** `pkgPath.TypeName` -> fields, for every named struct type in the binary. */
  structs(): Map<string, GoStructField[]> {
    const out = new Map<string, GoStructField[]>();
    const links = this.image.section('.typelink');
    for (let at = links.addr; at < links.addr + links.size; at += 4) {
      const t = this.typesBase + this.image.i32(at);
      const candidates = [t];
      if (this.kind(t) === GO_KIND.Pointer) candidates.push(this.image.u64(t + 48));
      for (const c of candidates) this.addStruct(out, c);
    }
    return out;
  }

  private addStruct(out: Map<string, GoStructField[]>, t: number): void {
    if (this.kind(t) !== GO_KIND.Struct || !(this.image.u8(t + 20) & TFLAG_UNCOMMON)) return;
    const pkgPath = this.name(this.typesBase + this.image.i32(t + 80)).name;
    const key = `${pkgPath}.${this.typeName(t).split('.').pop() ?? ''}`;
    if (out.has(key)) return;
    const fieldsPtr = this.image.u64(t + 56);
    const count = this.image.u64(t + 64);
    const fields: GoStructField[] = [];
    for (let i = 0; i < count; i++) {
      const f = fieldsPtr + 24 * i;
      const n = this.name(this.image.u64(f));
      const ft = this.image.u64(f + 8);
      fields.push({
        name: n.name,
        tag: n.tag,
        embedded: (n.flags & NAME_EMBEDDED) !== 0,
        kind: this.kind(ft),
        typeName: this.typeName(ft),
      });
    }
    out.set(key, fields);
  }

  private kind(t: number): number {
    return this.image.u8(t + 23) & KIND_MASK;
  }

  private typeName(t: number): string {
    const n = this.name(this.typesBase + this.image.i32(t + 40)).name;
    return this.image.u8(t + 20) & TFLAG_EXTRA_STAR ? n.slice(1) : n;
  }

  /** runtime name encoding: flags byte, varint length, bytes, then (if tagged) varint + tag. */
  private name(addr: number): GoName {
    const flags = this.image.u8(addr);
    const [len, at] = this.varint(addr + 1);
    const name = decodeUtf8(this.image.bytes(at, len));
    let tag = '';
    if (flags & NAME_HAS_TAG) {
      const [tagLen, tagAt] = this.varint(at + len);
      tag = decodeUtf8(this.image.bytes(tagAt, tagLen));
    }
    return { flags, name, tag };
  }

  private varint(addr: number): [number, number] {
    let value = 0;
    let shift = 0;
    for (let at = addr; ; at++) {
      const b = this.image.u8(at);
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return [value, at + 1];
    }
  }
}

function decodeUtf8(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

export function readGoStructTypes(image: ElfImage): Map<string, GoStructField[]> {
  return new GoTypeReader(image).structs();
}

/** reflect.StructTag.Get. */
export function structTagValue(tag: string, key: string): string | undefined {
  const re = /([^\s:"]+):"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    if (m[1] === key) return m[2];
  }
  return undefined;
}
