/**
 * The kubelet as a deployed one would run: built from its current sources into one ES module
 * (esbuild; @kubelab/* bundled, node_modules external) and started with plain `node`, without
 * the tsx loader the harness uses. It takes over a harness node (same flags, same node root,
 * same cluster), adopting the running containers from their labels, so its memory can be read
 * with the same pods.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import { pause } from './kubelet-timing.js';
import { UNUSED_DOCKERODE_MODULES } from '../../packages/cli/src/bundle/build-bundles.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface BundledKubelet {
  process: ChildProcess;
  bundleFile: string;
  /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Stops it if needed and removes the bundle. */
  dispose(): Promise<void>;
}

/**
 * What dockerode loads at start-up but the kubelet never uses: ssh2 (docker-modem's ssh://
 * transport; it also allocates a WebAssembly memory) and gRPC/protobuf (dockerode's BuildKit
 * sessions). A slim build bundles dockerode and replaces these with empty modules, as the CLI's
 * kubelet bundle does (the same list).
 */
export const UNUSED_BY_KUBELET: readonly string[] = UNUSED_DOCKERODE_MODULES;

async function bundle(dir: string, slim: boolean): Promise<string> {
  const outfile = join(dir, 'kubelet.mjs');
  await build({
    absWorkingDir: REPO,
    entryPoints: ['packages/kubelet/src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['development'],
    keepNames: true,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'external-node-modules',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) => {
            if (a.path.startsWith('@kubelab/')) return undefined;
            if (slim && UNUSED_BY_KUBELET.includes(a.path))
              return { path: a.path, namespace: 'unused' };
            // Slim: dockerode and everything it loads are bundled (so its requires can be replaced).
            if (slim && (a.path === 'dockerode' || a.importer.includes('/node_modules/')))
              return undefined;
            return { path: a.path, external: true };
          });
          b.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({
            contents: 'module.exports = {};',
            loader: 'js',
          }));
        },
      },
    ],
  });
  return outfile;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** Stops the harness's kubelet of `node` and starts the bundled one in its place. */
export async function replaceWithBundledKubelet(
  lab: Lab,
  nodeName: string,
  opts: { nodeArgs?: string[]; slim?: boolean } = {},
): Promise<BundledKubelet> {
  const node = lab.nodes.get(nodeName);
  if (!node) throw new Error(`no node ${nodeName}`);
  const dir = await mkdtemp(join(REPO, 'bench', '.kubelet-build-'));
  let child: ChildProcess | undefined;
  const onExit = (): void => void child?.kill('SIGKILL');
  process.once('exit', onExit);
  const stop = async (): Promise<void> => {
    if (child) {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    }
    process.removeListener('exit', onExit);
  };
  const dispose = async (): Promise<void> => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const bundleFile = await bundle(dir, opts.slim ?? false);
    await lab.stopKubelet(nodeName);
    child = spawn(
      process.execPath,
      [
        ...(opts.nodeArgs ?? []),
        bundleFile,
        '--config=/var/lib/kubelet/config.yaml',
        '--kubeconfig=/etc/kubernetes/kubelet.conf',
        `--hostname-override=${nodeName}`,
        '--node-ip=127.0.0.1',
        `--kubelab-node-root=${node.root}`,
        `--kubelab-cluster=${lab.name}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`bundled kubelet exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${node.healthzPort}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('bundled kubelet did not become healthy');
      await pause(100);
    }
    return { process: child, bundleFile, stop, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
