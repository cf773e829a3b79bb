/**
 * Read-only view of a 64-bit little-endian ELF executable (a statically linked, non-PIE Go
 * binary such as kubectl): section lookup and reads by virtual address.
 */

export interface ElfSection {
  readonly name: string;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
}

export class ElfImage {
  readonly sections: readonly ElfSection[];
  private readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const magic = data.subarray(0, 4);
    if (magic[0] !== 0x7f || magic[1] !== 0x45 || magic[2] !== 0x4c || magic[3] !== 0x46) {
      throw new Error('not an ELF file');
    }
    if (data[4] !== 2 || data[5] !== 1)
      throw new Error('only 64-bit little-endian ELF is supported');
    this.sections = this.readSections();
  }

  section(name: string): ElfSection {
    const s = this.sections.find((x) => x.name === name);
    if (!s) throw new Error(`ELF section ${name} not found`);
    return s;
  }

  /** File offset of a virtual address. */
  offsetOf(addr: number): number {
    for (const s of this.sections) {
      if (s.addr !== 0 && addr >= s.addr && addr < s.addr + s.size) return addr - s.addr + s.offset;
    }
    throw new Error(`address 0x${addr.toString(16)} is not in any section`);
  }

  u8(addr: number): number {
    return this.view.getUint8(this.offsetOf(addr));
  }

  u32(addr: number): number {
    return this.view.getUint32(this.offsetOf(addr), true);
  }

  i32(addr: number): number {
    return this.view.getInt32(this.offsetOf(addr), true);
  }

  /** A 64-bit word (pointers and lengths fit in 2^53). */
  u64(addr: number): number {
    return Number(this.view.getBigUint64(this.offsetOf(addr), true));
  }

  bytes(addr: number, length: number): Uint8Array {
    const off = this.offsetOf(addr);
    return this.data.subarray(off, off + length);
  }

  private readSections(): ElfSection[] {
    const shoff = Number(this.view.getBigUint64(0x28, true));
    const shentsize = this.view.getUint16(0x3a, true);
    const shnum = this.view.getUint16(0x3c, true);
    const shstrndx = this.view.getUint16(0x3e, true);
    const raw = [];
    for (let i = 0; i < shnum; i++) {
      const at = shoff + i * shentsize;
      raw.push({
        nameOff: this.view.getUint32(at, true),
        addr: Number(this.view.getBigUint64(at + 0x10, true)),
        offset: Number(this.view.getBigUint64(at + 0x18, true)),
        size: Number(this.view.getBigUint64(at + 0x20, true)),
      });
    }
    const strtab = raw[shstrndx];
    if (!strtab) throw new Error('ELF section name table missing');
    return raw.map((s) => ({
      name: this.cString(strtab.offset + s.nameOff),
      addr: s.addr,
      offset: s.offset,
      size: s.size,
    }));
  }

  private cString(offset: number): string {
    const end = this.data.indexOf(0, offset);
    return new TextDecoder().decode(this.data.subarray(offset, end));
  }
}
