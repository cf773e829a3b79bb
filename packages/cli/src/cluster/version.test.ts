import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KUBELAB_VERSION, versionLine } from './version.js';

describe('version', () => {
  it('is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(KUBELAB_VERSION).toBe(`v${pkg.version}`);
  });

  it('prints like kind version, with Go architecture names', () => {
    expect(versionLine('v20.1.0', 'linux', 'x64')).toBe('kubelab v0.1.0 node v20.1.0 linux/amd64');
  });
});
