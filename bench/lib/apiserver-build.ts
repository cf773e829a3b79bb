/**
 * Builds the API server from its current sources into one ES module (esbuild, as `tsc` would
 * compile it but in a single file), so that the server under test runs as plain JavaScript:
 * a checked-in dist/ may be stale, and running through tsx adds a loader thread (about 40 MB
 * of resident memory) that a deployed server does not have. Packages from node_modules stay
 * external; @kubelab/* sources are bundled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Writes the bundle into dir (which must sit inside the repository, for node_modules). */
export async function buildApiServer(dir: string): Promise<string> {
  const outfile = join(dir, 'kube-apiserver.mjs');
  await build({
    absWorkingDir: REPO,
    entryPoints: ['packages/apiserver/src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['development'],
    keepNames: true,
    logLevel: 'warning',
    // CommonJS dependencies of bundled code call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'external-node-modules',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) =>
            a.path.startsWith('@kubelab/') ? undefined : { path: a.path, external: true },
          );
        },
      },
    ],
  });
  return outfile;
}

/**
 * Maps a line of the bundle back to the source file it came from, using the `// path.ts`
 * comments esbuild writes before each module.
 */
export function bundleSourceMap(bundleFile: string): (line: number) => string | undefined {
  const starts: { line: number; file: string }[] = [];
  readFileSync(bundleFile, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
      if (m) starts.push({ line, file: m[1] as string });
    });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = starts[mid] as { line: number; file: string };
      if (s.line <= line) {
        found = s.file;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}
