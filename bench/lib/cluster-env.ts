/**
 * The cluster benchmark's private world: a temporary directory holding KUBELAB_HOME, the
 * KUBECONFIG file, and (by default) a snapshot of the built bundles (`cp -a`, so paths, sizes
 * and mtimes, hence the images' bundle digest, stay those of the build). Other sessions rebuild
 * packages/cli/dist/bundles while this runs; the snapshot keeps every repetition on the same
 * code and keeps a rebuild of theirs from being measured as part of a create.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_BUNDLES = join(REPO_ROOT, 'packages/cli/dist/bundles');

export interface BenchEnv {
  dir: string;
  /** The environment every CLI process of the run gets. */
  env: NodeJS.ProcessEnv;
  /** The kubelab.mjs that is spawned. */
  cli: string;
  /** Where the kubelet and image bundles come from (KUBELAB_BUNDLE_DIR). */
  bundleDir: string;
  home: string;
}

export function createBenchEnv(o: { snapshot: boolean }): BenchEnv {
  if (!existsSync(join(DIST_BUNDLES, 'kubelab.mjs')))
    throw new Error(`${DIST_BUNDLES}/kubelab.mjs is missing: build kubelab first (npm run build)`);
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-cluster-bench-'));
  const home = join(dir, 'home');
  let bundleDir = DIST_BUNDLES;
  if (o.snapshot) {
    bundleDir = join(dir, 'bundles');
    execFileSync('cp', ['-a', DIST_BUNDLES, bundleDir]);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KUBELAB_HOME: home,
    KUBECONFIG: join(dir, 'kubeconfig'),
    KUBELAB_BUNDLE_DIR: bundleDir,
  };
  delete env.KUBELAB_CLUSTER_NAME;
  return { dir, env, cli: join(bundleDir, 'kubelab.mjs'), bundleDir, home };
}

/** A cluster name no other run uses (kubelab's names: lower-case, digits, dashes). */
export function uniqueClusterName(prefix: string, i: number | string): string {
  return `${prefix}-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}-${i}`;
}

export interface MachineFacts {
  cores: number;
  cpu: string;
  memGiB: number;
  kernel: string;
  node: string;
  docker: string;
  cgroup: string;
}

export function machineFacts(docker: { Version: string; cgroup: string }): MachineFacts {
  const c = cpus();
  return {
    cores: c.length,
    cpu: c[0]?.model.trim() ?? 'unknown CPU',
    memGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    docker: docker.Version,
    cgroup: docker.cgroup,
  };
}

export function factsLine(f: MachineFacts): string {
  return `${f.cores} cores (${f.cpu}), ${f.memGiB} GiB RAM, Linux ${f.kernel}, Node ${f.node}, Docker ${f.docker} (${f.cgroup})`;
}
