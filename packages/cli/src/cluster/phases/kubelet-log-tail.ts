/** The last lines of a node's kubelet log, for errors about a kubelet that died. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NODE_PATHS, type NodeRecord } from '../layout.js';

export async function kubeletLogTail(node: NodeRecord, lines = 3): Promise<string> {
  const text = await readFile(join(node.root, NODE_PATHS.kubeletLog), 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join(' | ');
}
