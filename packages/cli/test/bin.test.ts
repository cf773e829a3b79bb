/**
 * `npx kubelab`, as the README has users type it: npm links the package's bin when it installs,
 * before the build, so the bin must be a committed file that starts the built CLI.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TempDirs } from '@kubelab/api/testing';
import { execFileResult } from './cluster-harness.js';

const cliRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(cliRoot, '..', '..');
const temp = new TempDirs();
afterEach(() => temp.removeAll());

async function binPath(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(cliRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const bin = pkg.bin.kubelab;
  if (!bin) throw new Error('package.json names no kubelab bin');
  return bin;
}

describe('the kubelab bin', () => {
  it('is a committed file, so that npm links it before anything is built', async () => {
    const bin = await binPath();
    const { stdout } = await promisify(execFile)('git', ['ls-files', '--error-unmatch', bin], { cwd: cliRoot });
    expect(stdout.trim()).toBe(bin.replace(/^\.\//, ''));
  });

  it('runs the built CLI through the link npm made (npx kubelab)', async () => {
    const r = await execFileResult(join(repoRoot, 'node_modules', '.bin', 'kubelab'), ['version'], process.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kubelab v\d+\.\d+\.\d+ node v\d+/);
  });

  it('says what to run when the CLI is not built yet', async () => {
    const dir = await temp.make('kubelab-bin-');
    const unbuilt = join(dir, 'bin', 'kubelab.js');
    await mkdir(dirname(unbuilt));
    await copyFile(join(cliRoot, await binPath()), unbuilt);
    const r = await execFileResult(process.execPath, [unbuilt, 'version'], process.env);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kubelab: the CLI is not built yet; run `npm run up` or `npm run build` in the kubelab checkout first\n',
    });
  });
});
