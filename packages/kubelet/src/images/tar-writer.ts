/**
 * A small streaming tar (POSIX ustar + pax) writer: enough to hand Docker a root filesystem
 * (`docker import`) or a build context without a tar binary. Paths longer than ustar allows
 * are split into prefix/name or carried in a pax extended header.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export type TarEntry =
  | { type: 'file'; path: string; mode?: number; content: Buffer; mtime?: number }
  | { type: 'file'; path: string; mode?: number; hostPath: string; size: number; mtime?: number }
  | { type: 'directory'; path: string; mode?: number; mtime?: number }
  | { type: 'symlink'; path: string; target: string; mtime?: number };

const BLOCK = 512;
/** Deterministic default mtime (seconds): identical inputs give identical layers. */
const DEFAULT_MTIME = 0;

function writeString(buf: Buffer, value: string, offset: number, length: number): void {
  buf.write(value, offset, Math.min(Buffer.byteLength(value), length), 'utf8');
}

function writeOctal(buf: Buffer, value: number, offset: number, length: number): void {
  const digits = value.toString(8).padStart(length - 1, '0');
  if (digits.length > length - 1) throw new Error(`tar: value ${value} does not fit ${length} bytes`);
  buf.write(`${digits}\0`, offset, length, 'ascii');
}

/** Splits a long path into ustar prefix (≤155 bytes) and name (≤100 bytes), if possible. */
export function splitUstarPath(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name.length > 0) {
      return { prefix, name };
    }
  }
  return undefined;
}

/** One pax record: "<len> <key>=<value>\n", where len counts the whole record. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len += 1;
  return `${len}${body}`;
}

interface HeaderFields {
  path: string;
  mode: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname?: string;
}

export function encodeHeader(h: HeaderFields): Buffer {
  const buf = Buffer.alloc(BLOCK);
  const split = splitUstarPath(h.path) ?? { prefix: '', name: h.path.slice(0, 100) };
  writeString(buf, split.name, 0, 100);
  writeOctal(buf, h.mode & 0o7777, 100, 8);
  writeOctal(buf, 0, 108, 8); // uid
  writeOctal(buf, 0, 116, 8); // gid
  writeOctal(buf, h.size, 124, 12);
  writeOctal(buf, h.mtime, 136, 12);
  buf.fill(' ', 148, 156); // checksum placeholder
  buf.write(h.typeflag, 156, 1, 'ascii');
  if (h.linkname) writeString(buf, h.linkname, 157, 100);
  buf.write('ustar\0', 257, 6, 'ascii');
  buf.write('00', 263, 2, 'ascii');
  writeString(buf, 'root', 265, 32);
  writeString(buf, 'root', 297, 32);
  writeString(buf, split.prefix, 345, 155);
  let sum = 0;
  for (const byte of buf) sum += byte;
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return buf;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(BLOCK - rest);
}

/** The header block(s) of an entry: a pax header first when a path or link target is too long. */
export function entryHeaders(entry: TarEntry): Buffer[] {
  const isDir = entry.type === 'directory';
  const path = entry.path.replace(/^\/+/, '') + (isDir && !entry.path.endsWith('/') ? '/' : '');
  const mtime = entry.mtime ?? DEFAULT_MTIME;
  const linkname = entry.type === 'symlink' ? entry.target : undefined;
  const size = entry.type === 'file' ? ('content' in entry ? entry.content.length : entry.size) : 0;
  const mode =
    entry.type === 'symlink' ? 0o777 : (entry.mode ?? (isDir ? 0o755 : 0o644));
  const typeflag = entry.type === 'file' ? '0' : isDir ? '5' : '2';
  const out: Buffer[] = [];
  let pax = '';
  if (!splitUstarPath(path)) pax += paxRecord('path', path);
  if (linkname !== undefined && Buffer.byteLength(linkname) > 100) pax += paxRecord('linkpath', linkname);
  if (pax) {
    const body = Buffer.from(pax, 'utf8');
    out.push(encodeHeader({ path: 'PaxHeaders/entry', mode: 0o644, size: body.length, mtime, typeflag: 'x' }));
    out.push(body, padding(body.length));
  }
  out.push(encodeHeader({ path, mode, size, mtime, typeflag, linkname }));
  return out;
}

async function* tarChunks(entries: Iterable<TarEntry> | AsyncIterable<TarEntry>): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    for (const block of entryHeaders(entry)) yield block;
    if (entry.type !== 'file') continue;
    if ('content' in entry) {
      yield entry.content;
      yield padding(entry.content.length);
      continue;
    }
    let read = 0;
    for await (const chunk of createReadStream(entry.hostPath)) {
      const buf = chunk as Buffer;
      read += buf.length;
      if (read > entry.size) throw new Error(`tar: ${entry.hostPath} grew while being archived`);
      yield buf;
    }
    if (read !== entry.size) throw new Error(`tar: ${entry.hostPath} shrank while being archived`);
    yield padding(entry.size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** A readable tar archive of the entries, streamed (host files are read as they are written). */
export function createTarStream(entries: Iterable<TarEntry> | AsyncIterable<TarEntry>): Readable {
  return Readable.from(tarChunks(entries), { objectMode: false });
}
