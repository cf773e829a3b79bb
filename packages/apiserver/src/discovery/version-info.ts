/**
 * `/version`. The minor version decides which kubectl the gcloud `kubectl` dispatcher
 * (/usr/bin/kubectl here) runs: it reads /version and execs `kubectl.1.<minor>` when that
 * binary exists, so with 1.32 a plain `kubectl` is kubectl 1.32, always within skew. A
 * versioned binary run directly warns when it is more than one minor away
 * (`WARNING: version difference between client (1.27) and server (1.32) exceeds the
 * supported minor version skew of +/-1`): 1.31-1.33 never warn, 1.27-1.30 do. No single
 * minor avoids the warning for all of 1.27-1.33 (any choice leaves four of seven outside
 * +/-1); 1.32 keeps the default binary and the newest ones clean.
 */
export const KUBERNETES_MAJOR = '1';
export const KUBERNETES_MINOR = '32';
export const KUBERNETES_GIT_VERSION = `v${KUBERNETES_MAJOR}.${KUBERNETES_MINOR}.0`;

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

const GO_ARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  ia32: '386',
  arm64: 'arm64',
  arm: 'arm',
};

/** The body of `GET /version` (apimachinery `version.Info`). */
export function versionInfo(
  runtime: { platform: string; arch: string } = { platform: process.platform, arch: process.arch },
): VersionInfo {
  return {
    major: KUBERNETES_MAJOR,
    minor: KUBERNETES_MINOR,
    gitVersion: KUBERNETES_GIT_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform: `${runtime.platform}/${GO_ARCH[runtime.arch] ?? runtime.arch}`,
  };
}
