import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRootfs } from './rootfs.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-rootfs-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveRootfs', () => {
  it('adds missing parents and orders parents before children', async () => {
    const { entries } = await resolveRootfs({ '/usr/local/bin/tool': 'x', '/etc/passwd': 'root' });
    expect(entries.map((e) => `${e.type}:${e.path}`)).toEqual([
      'directory:etc',
      'file:etc/passwd',
      'directory:usr',
      'directory:usr/local',
      'directory:usr/local/bin',
      'file:usr/local/bin/tool',
    ]);
  });

  it('walks a host directory, keeping symlinks inside it as links', async () => {
    const bundle = join(dir, 'bundle');
    mkdirSync(join(bundle, 'lib'), { recursive: true });
    writeFileSync(join(bundle, 'main.js'), 'main');
    writeFileSync(join(bundle, 'lib', 'a.js'), 'a');
    symlinkSync('lib/a.js', join(bundle, 'alias.js'));
    const { entries } = await resolveRootfs({ '/app': { hostPath: bundle } });
    expect(entries.map((e) => `${e.type}:${e.path}`)).toEqual([
      'directory:app',
      'symlink:app/alias.js',
      'directory:app/lib',
      'file:app/lib/a.js',
      'file:app/main.js',
    ]);
  });

  it('fingerprints inputs: same inputs same print, a touched host file a new one', async () => {
    const file = join(dir, 'f.bin');
    writeFileSync(file, 'data');
    const a = await resolveRootfs({ '/f': { hostPath: file }, '/c': 'x' });
    const b = await resolveRootfs({ '/c': 'x', '/f': { hostPath: file } });
    expect(a.fingerprint).toBe(b.fingerprint);
    utimesSync(file, new Date(1_000_000), new Date(1_000_000));
    const c = await resolveRootfs({ '/f': { hostPath: file }, '/c': 'x' });
    expect(c.fingerprint).not.toBe(a.fingerprint);
    const d = await resolveRootfs({ '/f': { hostPath: file }, '/c': 'y' });
    expect(d.fingerprint).not.toBe(c.fingerprint);
  });

  it('refuses a path naming the root', async () => {
    await expect(resolveRootfs({ '/': 'x' })).rejects.toThrow(/names the root/);
  });
});
