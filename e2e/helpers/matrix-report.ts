/** The matrix as a Markdown table (command rows, kubectl version columns) plus failure details. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MatrixResults } from './matrix-runner.js';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

export function renderMatrix(results: MatrixResults, notes: string[] = [], title = 'kubectl compatibility matrix'): string {
  const { versions, commands, cells } = results;
  const width = Math.max(...commands.map((c) => c.length), 'command'.length);
  const pad = (s: string): string => s.padEnd(width);
  const lines = [
    `# ${title}`,
    '',
    `Wall time: ${seconds(results.wallMs)} for ${versions.length} versions × ${commands.length} commands; per version: ${versions.map((v) => `${v} ${seconds(results.versionMs.get(v) ?? 0)}`).join(', ')}.`,
    ...notes,
    '',
    `| ${pad('command')} | ${versions.join(' | ')} |`,
    `|${'-'.repeat(width + 2)}|${versions.map((v) => '-'.repeat(v.length + 2)).join('|')}|`,
  ];
  let failed = 0;
  for (const cmd of commands) {
    const row = versions.map((v) => {
      const cell = cells.get(cmd)?.get(v);
      if (!cell?.pass) failed++;
      return (cell === undefined ? '—' : cell.pass ? 'pass' : 'FAIL').padEnd(v.length);
    });
    lines.push(`| ${pad(cmd)} | ${row.join(' | ')} |`);
  }
  lines.push('', `${versions.length * commands.length - failed} of ${versions.length * commands.length} cells pass.`);
  const details = commands.flatMap((cmd) =>
    versions.flatMap((v) => {
      const cell = cells.get(cmd)?.get(v);
      return cell && !cell.pass ? [`### ${cmd} — kubectl ${v}`, '', '```', cell.error ?? '', '```', ''] : [];
    }),
  );
  if (details.length > 0) lines.push('', '## Failures', '', ...details);
  return `${lines.join('\n')}\n`;
}

export async function writeMatrix(path: string, results: MatrixResults, notes: string[] = []): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, renderMatrix(results, notes));
}
