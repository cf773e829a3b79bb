/**
 * `crictl images [-q] [--no-trunc]`: the images of the node's runtime (the host's Docker
 * engine), one row per repo tag with containerd's normalized names (docker.io/library/…),
 * IMAGE ID cut to 13 characters and SIZE as go-units HumanSizeWithPrecision(size, 3).
 */
import { flagBool, parseToolFlags, type ToolFlagSpec } from '../tool-flags.js';
import { write } from '../tool-io.js';
import type { CrictlContext } from './crictl-context.js';
import { truncatedId } from './crictl-format.js';
import { formatTable } from './table-writer.js';

export const IMAGES_FLAGS: ToolFlagSpec[] = [
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'no-trunc', type: 'bool' },
  { name: 'all', short: 'a', type: 'bool' },
  { name: 'digests', type: 'bool' },
  { name: 'verbose', short: 'v', type: 'bool' },
];

/** docker.io/library/busybox for busybox, as containerd names images. */
export function normalizeRepository(repo: string): string {
  const first = repo.split('/')[0] ?? '';
  const hasDomain = repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain) return repo;
  return repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`;
}

/** go-units HumanSizeWithPrecision(size, 3): decimal units, %.3g. */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  const text = size.toPrecision(3);
  const trimmed = text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
  return `${trimmed}${units[i]}`;
}

export interface ImageRow {
  id: string;
  repoTags: string[];
  size: number;
}

export function formatImagesTable(images: ImageRow[], noTrunc: boolean): string {
  const rows = [['IMAGE', 'TAG', 'IMAGE ID', 'SIZE']];
  const sorted = [...images].sort((a, b) => (a.repoTags[0] ?? '').localeCompare(b.repoTags[0] ?? ''));
  for (const img of sorted) {
    for (const ref of img.repoTags) {
      const at = ref.lastIndexOf(':');
      const repo = at > ref.lastIndexOf('/') ? ref.slice(0, at) : ref;
      const tag = at > ref.lastIndexOf('/') ? ref.slice(at + 1) : '<none>';
      rows.push([normalizeRepository(repo), tag, noTrunc ? img.id : truncatedId(img.id, 'sha256:'), humanSize(img.size)]);
    }
  }
  return formatTable(rows);
}

export async function crictlImages(args: string[], ctx: CrictlContext): Promise<void> {
  const p = parseToolFlags(args, IMAGES_FLAGS);
  const list = (await ctx.docker.listImages()).filter((i) => (i.RepoTags ?? []).some((t) => t !== '<none>:<none>'));
  const rows = list.map((i) => ({ id: i.Id, repoTags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'), size: i.Size }));
  if (flagBool(p, 'quiet')) return write(ctx.io.stdout, rows.map((r) => `${r.id}\n`).join(''));
  await write(ctx.io.stdout, formatImagesTable(rows, flagBool(p, 'no-trunc')));
}
