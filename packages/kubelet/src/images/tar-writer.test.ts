import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { createTarStream, encodeHeader, paxRecord, splitUstarPath, type TarEntry } from './tar-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-tar-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function extract(entries: TarEntry[]): Promise<string> {
  const out = mkdtempSync(join(dir, 'x-'));
  const archive = await buffer(createTarStream(entries));
  execFileSync('tar', ['-x', '-C', out], { input: archive });
  return out;
}

describe('splitUstarPath', () => {
  it('keeps short paths whole', () => {
    expect(splitUstarPath('bin/sh')).toEqual({ prefix: '', name: 'bin/sh' });
  });
  it('splits a long path at a slash into prefix and name', () => {
    const path = `${'a'.repeat(90)}/${'b'.repeat(90)}`;
    expect(splitUstarPath(path)).toEqual({ prefix: 'a'.repeat(90), name: 'b'.repeat(90) });
  });
  it('gives up when no split fits', () => {
    expect(splitUstarPath('c'.repeat(120))).toBeUndefined();
  });
});

describe('paxRecord', () => {
  it('counts its own length', () => {
    const rec = paxRecord('path', 'x'.repeat(200));
    expect(Buffer.byteLength(rec)).toBe(Number(rec.split(' ')[0]));
    expect(paxRecord('path', 'ab')).toBe('11 path=ab\n');
  });
});

describe('encodeHeader', () => {
  it('writes a valid ustar header with checksum', () => {
    const h = encodeHeader({ path: 'etc/passwd', mode: 0o644, size: 10, mtime: 0, typeflag: '0' });
    expect(h.length).toBe(512);
    expect(h.subarray(257, 263).toString()).toBe('ustar\0');
    const stored = parseInt(h.subarray(148, 154).toString(), 8);
    const copy = Buffer.from(h);
    copy.fill(' ', 148, 156);
    expect(stored).toBe(copy.reduce((a, b) => a + b, 0));
  });
});

describe('createTarStream', () => {
  it('produces an archive GNU tar extracts: files, modes, directories, symlinks, host files', async () => {
    const host = join(dir, 'host.bin');
    writeFileSync(host, Buffer.alloc(1500, 7));
    const out = await extract([
      { type: 'directory', path: 'bin' },
      { type: 'file', path: 'bin/busybox', content: Buffer.from('#!/bin/true\n'), mode: 0o755 },
      { type: 'symlink', path: 'bin/sh', target: 'busybox' },
      { type: 'directory', path: 'tmp', mode: 0o1777 },
      { type: 'file', path: 'data/host.bin', hostPath: host, size: 1500 },
    ]);
    expect(readFileSync(join(out, 'bin/busybox'), 'utf8')).toBe('#!/bin/true\n');
    expect(statSync(join(out, 'bin/busybox')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(out, 'bin/sh'))).toBe('busybox');
    expect(readFileSync(join(out, 'data/host.bin'))).toEqual(Buffer.alloc(1500, 7));
  });

  it('carries long paths and long link targets (ustar prefix and pax headers)', async () => {
    const splitPath = `${'d'.repeat(120)}/file.txt`;
    const longName = `deep/${'n'.repeat(150)}.txt`;
    const longTarget = `/${'t'.repeat(150)}`;
    const out = await extract([
      { type: 'file', path: splitPath, content: Buffer.from('split') },
      { type: 'file', path: longName, content: Buffer.from('pax') },
      { type: 'symlink', path: 'link', target: longTarget },
    ]);
    expect(readFileSync(join(out, splitPath), 'utf8')).toBe('split');
    expect(readFileSync(join(out, longName), 'utf8')).toBe('pax');
    expect(readlinkSync(join(out, 'link'))).toBe(longTarget);
  });

  it('fails when a host file changed size while archived', async () => {
    const host = join(dir, 'short.bin');
    writeFileSync(host, 'abc');
    const stream = createTarStream([{ type: 'file', path: 'x', hostPath: host, size: 10 }]);
    await expect(buffer(stream)).rejects.toThrow(/shrank/);
  });
});
