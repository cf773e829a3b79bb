import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nativeDependencyFiles, prebuildMatches } from './native-dependencies.js';

const APISERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'apiserver');

describe('nativeDependencyFiles', () => {
  it('ships classic-level with its runtime dependencies and only this platform\'s addon', async () => {
    const files = await nativeDependencyFiles(['classic-level'], APISERVER_DIR, 'linux-x64');
    const paths = [...files.keys()];
    expect(paths).toContain('node_modules/classic-level/package.json');
    expect(paths).toContain('node_modules/classic-level/prebuilds/linux-x64/classic-level.node');
    expect(paths.some((p) => p.startsWith('node_modules/abstract-level/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('node_modules/node-gyp-build/'))).toBe(true);
    expect(paths.some((p) => p.includes('prebuilds/darwin') || p.includes('prebuilds/win32'))).toBe(false);
    expect(paths.some((p) => p.includes('/deps/') || p.endsWith('.cc'))).toBe(false);
  });

  it('matches prebuild directories by platform and arch', () => {
    expect(prebuildMatches('linux-x64', 'linux-x64')).toBe(true);
    expect(prebuildMatches('darwin-x64+arm64', 'darwin-arm64')).toBe(true);
    expect(prebuildMatches('linux-arm64', 'linux-x64')).toBe(false);
    expect(prebuildMatches('android-arm64', 'linux-arm64')).toBe(false);
  });
});
