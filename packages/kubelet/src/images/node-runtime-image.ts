/**
 * `kubelab/node:<tag>`: the host's own Node.js binary with the shared libraries it links
 * (from `ldd`, copied at the same paths so the dynamic loader finds them) and a directory of
 * bundled JavaScript at /kubelab. The control-plane images are built FROM it by the CLI with
 * buildImageFromDirectory({ from: 'kubelab/node:<tag>', ... }).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import type { Logger } from '@kubelab/api';
import { buildImageFromDirectory, type BuildImageResult } from './image-builder.js';
import type { ImageFiles } from './rootfs.js';
import { DEFAULT_PATH, ETC_GROUP, ETC_PASSWD } from './busybox-image.js';

const run = promisify(execFile);

export const NODE_RUNTIME_REPO = 'kubelab/node';
export const NODE_BINARY_PATH = '/usr/local/bin/node';
export const BUNDLE_PATH = '/kubelab';

/** Library paths from `ldd` output; throws on a library ldd could not find. */
export function parseLdd(output: string): string[] {
  const paths: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('linux-vdso') || line.startsWith('linux-gate')) continue;
    if (line.includes('=> not found')) throw new Error(`shared library not found: ${line.split(' ')[0] ?? line}`);
    const arrow = /=>\s+(\/\S+)\s+\(/.exec(line);
    const direct = /^(\/\S+)\s+\(/.exec(line);
    const path = arrow?.[1] ?? direct?.[1];
    if (path) paths.push(path);
  }
  return [...new Set(paths)];
}

export async function sharedLibraries(binary: string): Promise<string[]> {
  try {
    const { stdout } = await run('ldd', [binary]);
    return parseLdd(stdout);
  } catch (err) {
    const out = (err as { stdout?: string; stderr?: string }).stdout ?? '';
    // A static binary: "not a dynamic executable" (exit 1).
    if (/not a dynamic executable|statically linked/.test(`${out}${(err as { stderr?: string }).stderr ?? ''}`)) return [];
    throw err;
  }
}

export interface NodeRuntimeImageOptions {
  tag: string;
  /** Host directory of bundled JS, copied to /kubelab. */
  bundleDir: string;
  /** Defaults to process.execPath. */
  nodeBinary?: string;
  logger?: Logger;
}

export async function nodeRuntimeFiles(nodeBinary: string, bundleDir: string): Promise<ImageFiles> {
  const files: ImageFiles = {
    [NODE_BINARY_PATH]: { hostPath: nodeBinary, mode: 0o755 },
    '/usr/bin/node': { symlink: NODE_BINARY_PATH },
    [BUNDLE_PATH]: { hostPath: bundleDir },
    '/etc/passwd': ETC_PASSWD,
    '/etc/group': ETC_GROUP,
    '/etc/nsswitch.conf': 'hosts: files dns\n',
    '/tmp': { directory: true, mode: 0o1777 },
    '/root': { directory: true, mode: 0o700 },
  };
  for (const lib of await sharedLibraries(nodeBinary)) files[lib] = { hostPath: lib, mode: 0o755 };
  return files;
}

export async function ensureNodeRuntimeImage(docker: Dockerode, opts: NodeRuntimeImageOptions): Promise<BuildImageResult> {
  const nodeBinary = opts.nodeBinary ?? process.execPath;
  return buildImageFromDirectory(docker, {
    tag: `${NODE_RUNTIME_REPO}:${opts.tag}`,
    files: await nodeRuntimeFiles(nodeBinary, opts.bundleDir),
    env: { PATH: DEFAULT_PATH },
    workdir: BUNDLE_PATH,
    entrypoint: [NODE_BINARY_PATH],
    labels: {
      'io.kubelab.image.kind': 'node-runtime',
      ...(nodeBinary === process.execPath ? { 'io.kubelab.node.version': process.version } : {}),
    },
    logger: opts.logger,
  });
}
