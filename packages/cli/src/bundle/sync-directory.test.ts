import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncDirectory } from './sync-directory.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

describe('syncDirectory', () => {
  it('writes only changed files and prunes the rest', async () => {
    const dir = await temp.make('kubelab-sync-');
    const files = new Map([
      ['a.mjs', { content: 'one', mode: 0o755 }],
      ['sub/b.txt', { content: Buffer.from('two') }],
    ]);
    expect(await syncDirectory(dir, files)).toEqual(['a.mjs', 'sub/b.txt']);
    const before = (await stat(join(dir, 'a.mjs'))).mtimeMs;
    await writeFile(join(dir, 'stale.txt'), 'x');
    files.set('sub/b.txt', { content: Buffer.from('three') });
    expect(await syncDirectory(dir, files, { prune: true })).toEqual(['sub/b.txt']);
    expect((await stat(join(dir, 'a.mjs'))).mtimeMs).toBe(before);
    expect((await stat(join(dir, 'a.mjs'))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(dir, 'sub/b.txt'), 'utf8')).toBe('three');
    await expect(stat(join(dir, 'stale.txt'))).rejects.toThrow();
  });
});
