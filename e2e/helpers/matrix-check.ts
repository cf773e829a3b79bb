/**
 * Checks for matrix cells. They throw an Error whose message says which command printed what,
 * so that a failing cell of the matrix explains itself.
 */
import type { Result } from './cluster.js';

export class CheckError extends Error {}

function show(r: Result): string {
  const cut = (s: string): string => (s.length > 1500 ? `${s.slice(0, 1500)}…` : s);
  return `exit ${r.code}\n--- stdout\n${cut(r.stdout)}\n--- stderr\n${cut(r.stderr)}`;
}

/** Throws unless the command exited 0; returns its trimmed stdout. */
export function succeeded(what: string, r: Result): string {
  if (r.code !== 0) throw new CheckError(`${what}: expected exit 0\n${show(r)}`);
  return r.stdout.trim();
}

/** Throws unless the command exited non-zero; returns its trimmed stderr. */
export function failed(what: string, r: Result, code?: number): string {
  if (r.code === 0 || (code !== undefined && r.code !== code)) throw new CheckError(`${what}: expected exit ${code ?? 'non-zero'}\n${show(r)}`);
  return r.stderr.trim();
}

export function equal(what: string, actual: string, expected: string): void {
  if (actual !== expected) throw new CheckError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Every pattern must match the text (multi-line patterns use the m flag). */
export function matches(what: string, text: string, ...patterns: RegExp[]): void {
  for (const p of patterns) {
    if (!p.test(text)) throw new CheckError(`${what}: ${String(p)} does not match\n${text.slice(0, 2000)}`);
  }
}

/** The words of the first line (a table header), as kubectl separates them by 2+ spaces or tabs. */
export function headerOf(text: string): string[] {
  const first = text.split('\n')[0] ?? '';
  return first.trim().split(/\s{2,}|\t+/);
}

export function hasHeader(what: string, text: string, columns: string[]): void {
  const actual = headerOf(text);
  if (actual.join('|') !== columns.join('|')) throw new CheckError(`${what}: header ${JSON.stringify(actual)}, expected ${JSON.stringify(columns)}\n${text.slice(0, 1000)}`);
}

/** Rows (after the header) split into cells. */
export function rowsOf(text: string): string[][] {
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s{2,}|\t+/));
}
