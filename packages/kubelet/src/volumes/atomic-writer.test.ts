import { lstat, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtomicWriter, timestampDirPrefix, validatePayloadPath, type Payload } from './atomic-writer.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kubelab-atomic-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const file = (text: string, mode = 0o644) => ({ data: Buffer.from(text), mode });
const payload = (entries: Record<string, { data: Buffer; mode: number }>): Payload => new Map(Object.entries(entries));

describe('AtomicWriter', () => {
  it('writes files behind ..data and top-level symlinks, and updates atomically', async () => {
    const dir = await mkdtemp(join(root, 'vol-'));
    const writer = new AtomicWriter(dir, () => Date.UTC(2026, 0, 2, 15, 4, 5));
    expect(await writer.write(payload({ 'app.conf': file('v1'), 'nested/dir/key': file('deep', 0o600) }))).toBe(true);

    const tsDir = await readlink(join(dir, '..data'));
    expect(tsDir).toMatch(/^\.\.2026_01_02_15_04_05\./);
    expect((await stat(join(dir, tsDir))).mode & 0o777).toBe(0o755);
    expect(await readlink(join(dir, 'app.conf'))).toBe('..data/app.conf');
    expect(await readlink(join(dir, 'nested'))).toBe('..data/nested');
    expect(await readFile(join(dir, 'app.conf'), 'utf8')).toBe('v1');
    expect(await readFile(join(dir, 'nested/dir/key'), 'utf8')).toBe('deep');
    expect((await stat(join(dir, 'nested/dir/key'))).mode & 0o777).toBe(0o600);

    // Same content: nothing written.
    expect(await writer.write(payload({ 'app.conf': file('v1'), 'nested/dir/key': file('deep', 0o600) }))).toBe(false);
    expect(await readlink(join(dir, '..data'))).toBe(tsDir);

    // New content, one key gone: a new timestamped dir, the old one and the stale link removed.
    expect(await writer.write(payload({ 'app.conf': file('v2') }))).toBe(true);
    const tsDir2 = await readlink(join(dir, '..data'));
    expect(tsDir2).not.toBe(tsDir);
    expect(await readFile(join(dir, 'app.conf'), 'utf8')).toBe('v2');
    await expect(lstat(join(dir, 'nested'))).rejects.toThrow(/ENOENT/);
    expect((await readdir(dir)).sort()).toEqual(['..data', tsDir2, 'app.conf'].sort());
  });

  it('rewrites when only the mode changed', async () => {
    const dir = await mkdtemp(join(root, 'vol-'));
    const writer = new AtomicWriter(dir);
    await writer.write(payload({ k: file('x', 0o644) }));
    expect(await writer.write(payload({ k: file('x', 0o400) }))).toBe(true);
    expect((await stat(join(dir, 'k'))).mode & 0o777).toBe(0o400);
  });

  it('writes an empty payload as an empty data dir', async () => {
    const dir = await mkdtemp(join(root, 'vol-'));
    await new AtomicWriter(dir).write(new Map());
    expect((await readdir(dir)).filter((n) => !n.startsWith('..2'))).toEqual(['..data']);
  });

  it('fails when the target directory does not exist', async () => {
    await expect(new AtomicWriter(join(root, 'missing')).write(new Map())).rejects.toThrow(/ENOENT/);
  });
});

describe('validatePayloadPath', () => {
  it.each([
    ['', 'invalid path: must not be empty: ""'],
    ['/etc/passwd', 'invalid path: must be relative path: /etc/passwd'],
    ['a/../b', "invalid path: must not contain '..': a/../b"],
    ['..data', "invalid path: must not start with '..': ..data"],
    ['x'.repeat(256), 'invalid path: filenames must be less than or equal to 255 characters'],
  ])('%j', (p, message) => {
    expect(() => validatePayloadPath(p)).toThrow(message);
  });
  it('accepts ordinary relative paths', () => {
    expect(() => validatePayloadPath('a/b.c/..d')).not.toThrow();
  });
});

describe('timestampDirPrefix', () => {
  it('formats in UTC as Go layout ..2006_01_02_15_04_05.', () => {
    expect(timestampDirPrefix(Date.UTC(2026, 10, 27, 3, 9, 58))).toBe('..2026_11_27_03_09_58.');
  });
});
