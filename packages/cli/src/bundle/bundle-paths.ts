/**
 * Where the bundles are: <cli package>/dist/bundles (or $KUBELAB_BUNDLE_DIR):
 *   kubelab.mjs  kubelet.mjs           run on the host with this machine's node
 *   image/                             the /kubelab directory of the control-plane images:
 *     kube-apiserver.mjs kube-controller-manager.mjs kube-scheduler.mjs node_modules/classic-level …
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_PACKAGE_NAME = '@kubelab/cli';
export const CLI_BUNDLE = 'kubelab.mjs';
export const KUBELET_BUNDLE = 'kubelet.mjs';
export const IMAGE_DIR = 'image';

/** The directory of the @kubelab/cli package this code belongs to (source, dist or bundle). */
export function cliPackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === CLI_PACKAGE_NAME) return dir;
      } catch {
        // not a package.json we can read: keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${CLI_PACKAGE_NAME} package above ${from}`);
    dir = parent;
  }
}

export function bundleDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBELAB_BUNDLE_DIR || join(cliPackageRoot(), 'dist', 'bundles');
}

export function kubeletBundlePath(env?: NodeJS.ProcessEnv): string {
  return join(bundleDir(env), KUBELET_BUNDLE);
}

export function imageBundleDir(env?: NodeJS.ProcessEnv): string {
  return join(bundleDir(env), IMAGE_DIR);
}

/** Throws the one-line hint when the bundles were not built. */
export function requireBundles(env?: NodeJS.ProcessEnv): void {
  for (const p of [kubeletBundlePath(env), join(imageBundleDir(env), 'kube-apiserver.mjs')]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: build kubelab first (npm run build)`);
  }
}
