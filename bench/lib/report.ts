/** Plain-text and Markdown tables for benchmark reports. */

export type Row = readonly string[];

/** Columns padded to their widest cell, separated by two spaces. */
export function textTable(header: Row, rows: Row[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: Row): string =>
    r
      .map((cell, c) => cell.padEnd(widths[c] as number))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: Row, rows: Row[]): string {
  const line = (r: Row): string => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** 1234.5 -> "1,235"; small values keep significant digits: 3.14159 -> "3.14". */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
