import { describe, expect, it } from 'vitest';
import { ElfImage } from './elf-image.js';
import { GO_KIND, readGoStructTypes, structTagValue } from './go-struct-types.js';

const RODATA = 0x500000;
const TYPELINK = 0x600000;

/** Builds a tiny ELF whose .rodata holds Go runtime type descriptors, as the linker lays them out. */
class FakeGoBinary {
  private readonly rodata: number[] = [];
  private readonly links: number[] = [];

  private alloc(bytes: number[]): number {
    while (this.rodata.length % 8) this.rodata.push(0);
    const addr = RODATA + this.rodata.length;
    this.rodata.push(...bytes);
    return addr;
  }

  /** runtime name: flags (1 exported, 2 tagged, 8 embedded), varint len, bytes, [varint len, tag]. */
  name(text: string, tag = '', embedded = false): number {
    const t = [...Buffer.from(text)];
    const g = [...Buffer.from(tag)];
    const flags = 1 | (tag ? 2 : 0) | (embedded ? 8 : 0);
    return this.alloc([flags, t.length, ...t, ...(tag ? [g.length, ...g] : [])]);
  }

  /** abi.Type (48 bytes) followed by `extra`. */
  type(kind: number, name: string, tflag: number, extra: number[] = []): number {
    const b = Buffer.alloc(48);
    b.writeUInt8(tflag, 20);
    b.writeUInt8(kind, 23);
    b.writeInt32LE(this.name(name) - RODATA, 40);
    return this.alloc([...b, ...extra]);
  }

  struct(pkgPath: string, name: string, fields: { name: number; type: number }[]): number {
    const arr = this.alloc(fields.flatMap((f) => [...u64(f.name), ...u64(f.type), ...u64(0)]));
    const uncommon = Buffer.alloc(16);
    uncommon.writeInt32LE(this.name(pkgPath) - RODATA, 0);
    const extra = [
      ...u64(0),
      ...u64(arr),
      ...u64(fields.length),
      ...u64(fields.length),
      ...uncommon,
    ];
    return this.type(GO_KIND.Struct, `*${name}`, 1 | 2, extra);
  }

  link(type: number): void {
    this.links.push(type - RODATA);
  }

  build(): ElfImage {
    const roOff = 0x100;
    const tlOff = roOff + this.rodata.length;
    const tl = Buffer.alloc(this.links.length * 4);
    this.links.forEach((l, i) => tl.writeInt32LE(l, i * 4));
    const names = Buffer.from('\0.rodata\0.typelink\0.shstrtab\0');
    const strOff = tlOff + tl.length;
    const shoff = strOff + names.length;
    const sh = (name: number, addr: number, offset: number, size: number) => {
      const s = Buffer.alloc(64);
      s.writeUInt32LE(name, 0);
      s.writeBigUInt64LE(BigInt(addr), 0x10);
      s.writeBigUInt64LE(BigInt(offset), 0x18);
      s.writeBigUInt64LE(BigInt(size), 0x20);
      return s;
    };
    const header = Buffer.alloc(roOff);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(header);
    header.writeBigUInt64LE(BigInt(shoff), 0x28);
    header.writeUInt16LE(64, 0x3a);
    header.writeUInt16LE(4, 0x3c);
    header.writeUInt16LE(3, 0x3e);
    const file = Buffer.concat([
      header,
      Buffer.from(this.rodata),
      tl,
      names,
      sh(0, 0, 0, 0),
      sh(1, RODATA, roOff, this.rodata.length),
      sh(9, TYPELINK, tlOff, tl.length),
      sh(19, 0, strOff, names.length),
    ]);
    return new ElfImage(file);
  }
}

function u64(v: number): number[] {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return [...b];
}

describe('readGoStructTypes', () => {
  it('reads named structs (also behind pointer typelinks) with field tags and kinds', () => {
    const bin = new FakeGoBinary();
    const int32 = bin.type(5, '*int32', 2);
    const ptrInt32 = bin.type(GO_KIND.Pointer, '**int32', 2, u64(int32));
    const meta = bin.struct('k8s.io/apimachinery/pkg/apis/meta/v1', 'v1.ObjectMeta', []);
    const thing = bin.struct('k8s.io/api/test/v1', 'v1.Thing', [
      { name: bin.name('ObjectMeta', 'json:"metadata,omitempty"', true), type: meta },
      {
        name: bin.name(
          'Replicas',
          'json:"replicas,omitempty" protobuf:"varint,1,opt,name=replicas"',
        ),
        type: ptrInt32,
      },
    ]);
    bin.link(bin.type(GO_KIND.Pointer, '**v1.Thing', 2, u64(thing)));
    bin.link(meta);
    const structs = readGoStructTypes(bin.build());
    expect([...structs.keys()].sort()).toEqual([
      'k8s.io/api/test/v1.Thing',
      'k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta',
    ]);
    expect(structs.get('k8s.io/api/test/v1.Thing')).toEqual([
      {
        name: 'ObjectMeta',
        tag: 'json:"metadata,omitempty"',
        embedded: true,
        kind: GO_KIND.Struct,
        typeName: 'v1.ObjectMeta',
      },
      {
        name: 'Replicas',
        tag: 'json:"replicas,omitempty" protobuf:"varint,1,opt,name=replicas"',
        embedded: false,
        kind: GO_KIND.Pointer,
        typeName: '*int32',
      },
    ]);
  });
});

describe('ElfImage', () => {
  it('rejects files that are not 64-bit little-endian ELF', () => {
    expect(() => new ElfImage(Buffer.from('MZ\x90\x00'))).toThrow('not an ELF file');
    expect(() => new ElfImage(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 1]))).toThrow('64-bit');
  });
});

describe('structTagValue', () => {
  it('reads a key as reflect.StructTag.Get does', () => {
    const tag =
      'json:"strategy,omitempty" patchStrategy:"retainKeys" protobuf:"bytes,4,opt,name=strategy"';
    expect(structTagValue(tag, 'json')).toBe('strategy,omitempty');
    expect(structTagValue(tag, 'protobuf')).toBe('bytes,4,opt,name=strategy');
    expect(structTagValue(tag, 'yaml')).toBeUndefined();
  });
});
