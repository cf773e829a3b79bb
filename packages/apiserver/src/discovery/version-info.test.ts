import { describe, expect, it } from 'vitest';
import { versionInfo } from './version-info.js';

describe('versionInfo', () => {
  it('reports a 1.32 server with a Go-style platform', () => {
    expect(versionInfo({ platform: 'linux', arch: 'x64' })).toEqual({
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.0',
      gitCommit: expect.stringMatching(/^[0-9a-f]{40}$/) as string,
      gitTreeState: 'clean',
      buildDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
      goVersion: expect.stringMatching(/^go1\./) as string,
      compiler: 'gc',
      platform: 'linux/amd64',
    });
    expect(versionInfo({ platform: 'darwin', arch: 'arm64' }).platform).toBe('darwin/arm64');
  });
});
