/**
 * Writes one `## ` section of BENCHMARKS.md and leaves every other section as it is (other
 * benchmarks write theirs, possibly at the same time): the file is read right before it is
 * written, the section is replaced in place or appended, and the file is created if missing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The text with `heading`'s section (up to the next `## ` heading) replaced, or appended. */
export function replaceSection(text: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return text.trim() ? `${text.replace(/\s*$/, '')}\n\n${section}` : section;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}

export function writeSection(file: string, heading: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, replaceSection(current, heading, body));
}
