/**
 * The cluster benchmark's section of BENCHMARKS.md, `## kubelab create cluster (issue 5)`:
 * the file is read right before it is written, only this section is replaced (or appended at
 * the end), every other section is left byte for byte as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLUSTER_BENCHMARKS_FILE = fileURLToPath(
  new URL('../../BENCHMARKS.md', import.meta.url),
);
export const CLUSTER_SECTION_HEADING = '## kubelab create cluster (issue 5)';

/** `text` with the section under `heading` (up to the next `## ` heading) replaced by `body`, or appended. */
export function withSection(text: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === heading);
  if (start < 0) return text.trim() ? `${text.replace(/\s*$/, '')}\n\n${section}` : section;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${start > 0 ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}

export function writeClusterSection(body: string, file = CLUSTER_BENCHMARKS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, withSection(current, CLUSTER_SECTION_HEADING, body));
}
