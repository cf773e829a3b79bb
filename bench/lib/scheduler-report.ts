/** The scheduler benchmark's table and target checks. */
import { formatNumber, markdownTable, textTable, type Row } from './report.js';
import type { PhaseResult } from './scheduler-phases.js';

export const TARGET_PODS_PER_SECOND = 300;
export const TARGET_SHARE_OF_RAW = 0.5;

export interface SchedulerReport {
  rows: Row[];
  header: Row;
  checks: { what: string; ok: boolean }[];
}

const rate = (p: PhaseResult): number => p.pods / (p.ms / 1000);

export function buildSchedulerReport(raw: PhaseResult, backlog: PhaseResult, batch: PhaseResult): SchedulerReport {
  const header: Row = ['measurement', 'pods', 'seconds', 'pods/s', 'vs raw', 'apiserver CPU ms/pod', 'client CPU ms/pod'];
  const row = (p: PhaseResult): Row => [
    p.name,
    formatNumber(p.pods),
    (p.ms / 1000).toFixed(2),
    formatNumber(rate(p)),
    p === raw ? '1.00' : (rate(p) / rate(raw)).toFixed(2),
    (p.serverCpuMs / p.pods).toFixed(2),
    (p.selfCpuMs / p.pods).toFixed(2),
  ];
  const share = rate(backlog) / rate(raw);
  return {
    header,
    rows: [row(raw), row(backlog), row(batch)],
    checks: [
      { what: `pods bound/s ${formatNumber(rate(backlog))} >= ${TARGET_PODS_PER_SECOND}`, ok: rate(backlog) >= TARGET_PODS_PER_SECOND },
      { what: `share of the raw binding-write rate ${share.toFixed(2)} >= ${TARGET_SHARE_OF_RAW}`, ok: share >= TARGET_SHARE_OF_RAW },
    ],
  };
}

export function schedulerReportText(r: SchedulerReport): string {
  const checks = r.checks.map((c) => `${c.ok ? 'met   ' : 'MISSED'}  ${c.what}`).join('\n');
  return `${textTable(r.header, r.rows)}\n\nTargets:\n${checks}`;
}

export function schedulerReportMarkdown(r: SchedulerReport): string {
  return markdownTable(r.header, r.rows);
}
