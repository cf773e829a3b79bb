import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempDirs } from './temp-dirs.js';

describe('TempDirs', () => {
  it('makes distinct directories and removes them with their contents', async () => {
    const temp = new TempDirs();
    const a = await temp.make('kubelab-tempdirs-');
    const b = temp.makeSync('kubelab-tempdirs-');
    expect(a).not.toBe(b);
    writeFileSync(join(a, 'f'), 'x');
    await temp.removeAll();
    expect([existsSync(a), existsSync(b)]).toEqual([false, false]);
    const c = temp.makeSync('kubelab-tempdirs-');
    temp.removeAllSync();
    expect(existsSync(c)).toBe(false);
  });
});
