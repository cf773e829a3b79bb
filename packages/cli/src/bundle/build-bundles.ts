/**
 * esbuild bundles of kubelab's programs, so that each starts as one file with no module
 * resolution (tens of milliseconds instead of the seconds tsx takes): the CLI and the kubelet
 * for the host, and the three control-plane components for their image, where LevelDB's
 * native addon stays external and is shipped beside them. Sources are bundled directly (the
 * `development` export condition), outputs are written only when their bytes change.
 */
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { APISERVER_NODE_FLAGS } from '@kubelab/apiserver';
import { NODE_BINARY_PATH } from '@kubelab/kubelet/images';
import { bundleDir, cliPackageRoot, CLI_BUNDLE, IMAGE_DIR, KUBELET_BUNDLE } from './bundle-paths.js';
import { nativeDependencyFiles } from './native-dependencies.js';
import { syncDirectory, type SyncEntry } from './sync-directory.js';

/** Native addons the bundles cannot hold (dockerode's optional ssh2/cpu-features ones): their require fails as when not installed. */
const optionalNative: Plugin = {
  name: 'optional-native',
  setup(b) {
    b.onResolve({ filter: /\.node$|^cpu-features$/ }, (a) => ({ path: a.path, namespace: 'optional-native' }));
    b.onLoad({ filter: /.*/, namespace: 'optional-native' }, (a) => ({
      contents: `throw new Error(${JSON.stringify(`native addon ${a.path} is not bundled`)});`,
      loader: 'js',
    }));
  },
};

/**
 * Modules dockerode loads at start-up for features kubelab never uses (ssh:// Docker hosts,
 * BuildKit sessions): replaced by empty modules. They cost the kubelet about 30 MB of memory
 * (BENCHMARKS.md, kubelet section).
 */
export const UNUSED_DOCKERODE_MODULES = ['ssh2', '@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs'];

const unusedDockerodeModules: Plugin = {
  name: 'unused-dockerode-modules',
  setup(b) {
    const filter = new RegExp(`^(${UNUSED_DOCKERODE_MODULES.map((m) => m.replace(/[/.@-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (a) => ({ path: a.path, namespace: 'unused-module' }));
    b.onLoad({ filter: /.*/, namespace: 'unused-module' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** CommonJS dependencies inside an ES module bundle need require, __filename and __dirname. */
const COMMONJS_SHIMS = [
  "import { createRequire as __kubelabCreateRequire } from 'node:module';",
  "import { fileURLToPath as __kubelabFileURLToPath } from 'node:url';",
  'const require = __kubelabCreateRequire(import.meta.url);',
  'const __kubelab_filename = __kubelabFileURLToPath(import.meta.url);',
  "const __kubelab_dirname = __kubelab_filename.slice(0, __kubelab_filename.lastIndexOf('/'));",
].join(' ');

export const NATIVE_EXTERNALS = ['classic-level'];

/** dist/main.js, the package's bin: starts the bundled CLI. */
export const BIN_SHIM = `#!/usr/bin/env node\n// The kubelab CLI, bundled by scripts/build-bundles.ts for a fast start.\nimport './bundles/${CLI_BUNDLE}';\n`;

interface BundleTarget {
  entry: string;
  out: string;
  /** The interpreter line: the host's `env node`, or the image's node binary. */
  shebang: string;
}

export interface BuildBundlesOptions {
  /** The @kubelab/cli package directory (the other packages are its siblings). */
  packageRoot?: string;
  outDir?: string;
}

export interface BuildBundlesResult {
  outDir: string;
  written: string[];
  durationMs: number;
}

function targets(packages: string): BundleTarget[] {
  const host = '#!/usr/bin/env node';
  // Linux passes the rest of a #! line as one argument: room for exactly one node flag, the
  // small young generation that keeps the components' resident memory near their live heap.
  const image = `#!${NODE_BINARY_PATH} ${APISERVER_NODE_FLAGS[0] ?? ''}`.trimEnd();
  return [
    { entry: join(packages, 'cli/src/main.ts'), out: CLI_BUNDLE, shebang: host },
    { entry: join(packages, 'kubelet/src/main.ts'), out: KUBELET_BUNDLE, shebang: host },
    { entry: join(packages, 'apiserver/src/main.ts'), out: `${IMAGE_DIR}/kube-apiserver.mjs`, shebang: image },
    { entry: join(packages, 'controller-manager/src/main.ts'), out: `${IMAGE_DIR}/kube-controller-manager.mjs`, shebang: image },
    { entry: join(packages, 'scheduler/src/main.ts'), out: `${IMAGE_DIR}/kube-scheduler.mjs`, shebang: image },
  ];
}

async function bundle(t: BundleTarget): Promise<string> {
  const result = await build({
    entryPoints: [t.entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['development'],
    external: NATIVE_EXTERNALS,
    plugins: [optionalNative, unusedDockerodeModules],
    define: { __dirname: '__kubelab_dirname', __filename: '__kubelab_filename' },
    banner: { js: COMMONJS_SHIMS },
    legalComments: 'none',
    // Smaller bundles are less memory in every process (an all-ASCII bundle is also kept as
    // one-byte source by V8); names are kept for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    logLevel: 'error',
  });
  const text = result.outputFiles[0]?.text ?? '';
  return `${t.shebang}\n${text.replace(/^#![^\n]*\n/, '')}`;
}

export async function buildBundles(o: BuildBundlesOptions = {}): Promise<BuildBundlesResult> {
  const started = Date.now();
  const root = o.packageRoot ?? cliPackageRoot();
  const outDir = o.outDir ?? bundleDir();
  const packages = join(root, '..');
  const files = new Map<string, SyncEntry>();
  const texts = await Promise.all(targets(packages).map(async (t) => [t.out, await bundle(t)] as const));
  for (const [out, text] of texts) files.set(out, { content: text, mode: 0o755 });
  for (const [rel, hostPath] of await nativeDependencyFiles(NATIVE_EXTERNALS, join(packages, 'apiserver'))) {
    files.set(join(IMAGE_DIR, rel), { content: { hostPath } });
  }
  const written = await syncDirectory(outDir, files, { prune: true });
  if (!o.outDir) {
    // The package's bin (dist/main.js, emitted by tsc) becomes a door to the bundled CLI.
    written.push(...(await syncDirectory(join(root, 'dist'), new Map([['main.js', { content: BIN_SHIM, mode: 0o755 }]]))));
  }
  return { outDir, written, durationMs: Date.now() - started };
}
