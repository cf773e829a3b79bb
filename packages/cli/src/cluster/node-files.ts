/** Writing files into a node root at node-view paths, with kubeadm's modes. */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export function nodeHostPath(root: string, nodePath: string): string {
  return join(root, nodePath);
}

/** Writes `<root><nodePath>` with `mode` (parents made 0755 unless they exist). */
export async function writeNodeFile(root: string, nodePath: string, content: string | Buffer, mode = 0o644): Promise<void> {
  const path = nodeHostPath(root, nodePath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content, { mode });
  await chmod(path, mode);
}

export async function makeNodeDir(root: string, nodePath: string, mode = 0o755): Promise<void> {
  const path = nodeHostPath(root, nodePath);
  await mkdir(path, { recursive: true, mode });
  await chmod(path, mode);
}
