/**
 * hostPath (pkg/volume/hostpath): a path of the node itself, so a node-view path mapped under
 * the node root (`/etc/kubernetes/pki` -> `<root>/etc/kubernetes/pki`). The `type` is checked
 * as upstream (1.32 messages, which name the node-view path); DirectoryOrCreate makes the
 * directory (0755), FileOrCreate an empty file (0644, its parent must exist). Teardown leaves
 * it alone.
 */
import { open, mkdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { NodeRoot } from '../node-root.js';
import { goPathError } from './go-path-error.js';
import { PLUGIN_HOST_PATH } from './pod-volume-paths.js';
import type { VolumePlugin } from './volume-plugin.js';

export type HostPathType =
  | ''
  | 'DirectoryOrCreate'
  | 'Directory'
  | 'FileOrCreate'
  | 'File'
  | 'Socket'
  | 'CharDevice'
  | 'BlockDevice';

const statOrUndefined = (p: string): Promise<Stats | undefined> => stat(p).catch(() => undefined);

async function makeDir(hostPath: string, nodePath: string): Promise<void> {
  try {
    await mkdir(hostPath, { recursive: true, mode: 0o755 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw goPathError('mkdir', nodePath, err);
  }
}

async function makeFile(hostPath: string, nodePath: string): Promise<void> {
  try {
    await (await open(hostPath, 'a', 0o644)).close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw goPathError('open', nodePath, err);
  }
}

/** checkType: validates (and for the *OrCreate types makes) the path; throws upstream's text. */
export async function checkHostPathType(hostPath: string, nodePath: string, type: string): Promise<void> {
  const fail = (what: string): Error => new Error(`hostPath type check failed: ${nodePath} is not a ${what}`);
  const st = await statOrUndefined(hostPath);
  if (type === '') return;
  if (type === 'DirectoryOrCreate' && !st) return makeDir(hostPath, nodePath);
  if (type === 'FileOrCreate' && !st) return makeFile(hostPath, nodePath);
  switch (type) {
    case 'DirectoryOrCreate':
    case 'Directory':
      if (!st?.isDirectory()) throw fail('directory');
      return;
    case 'FileOrCreate':
    case 'File':
      if (!st || st.isDirectory()) throw fail('file');
      return;
    case 'Socket':
      if (!st?.isSocket()) throw fail('socket file');
      return;
    case 'CharDevice':
      if (!st?.isCharacterDevice()) throw fail('character device');
      return;
    case 'BlockDevice':
      if (!st?.isBlockDevice()) throw fail('block device');
      return;
    default:
      throw new Error(`${type} is an invalid volume type`);
  }
}

/** The host path of a hostPath volume, after ValidatePathNoBacksteps and the type check. */
export async function setUpHostPath(nodeRoot: NodeRoot, nodePath: string, type: string): Promise<string> {
  if (nodePath.split('/').includes('..')) {
    throw new Error(`invalid HostPath \`${nodePath}\`: must not contain '..'`);
  }
  const hostPath = nodeRoot.hostPath(nodePath);
  await checkHostPathType(hostPath, nodePath, type);
  return hostPath;
}

export const hostPathPlugin: VolumePlugin = {
  name: PLUGIN_HOST_PATH,
  async setUp(volume, _pod, host) {
    const source = volume.hostPath ?? { path: '' };
    const hostPath = await setUpHostPath(host.nodeRoot, source.path, source.type ?? '');
    return { name: volume.name, hostPath, readOnly: false };
  },
};
