/**
 * `systemctl status kubelet` as systemd 252 prints it: the unit line (● active, ○ inactive),
 * Loaded/Drop-In/Active/Docs/Main PID/Tasks/Memory/CPU/CGroup with labels right-aligned to
 * the colon, then the unit's last journal lines after a blank line.
 */
import { DESCRIPTION, DOCS, DROPIN_DIR, DROPIN_NAME, execLine, KUBELET_UNIT, UNIT_PATH } from './kubelet-unit.js';
import type { ProcInfo } from './proc-info.js';
import { formatBytes, formatTimespan, formatTimestamp, formatTimestampRelative } from './systemd-time.js';

export interface UnitStatusInput {
  running: boolean;
  pid?: number;
  since?: Date;
  now: Date;
  commandLine: string[];
  proc?: ProcInfo;
  /** Journal lines, already formatted (each ending in '\n'). */
  journal: string[];
}

const field = (label: string, value: string): string => `${label.padStart(11)}: ${value}\n`;
const cont = (value: string): string => `${' '.repeat(13)}${value}\n`;

export function formatUnitStatus(s: UnitStatusInput): string {
  let out = `${s.running ? '●' : '○'} ${KUBELET_UNIT} - ${DESCRIPTION}\n`;
  out += field('Loaded', `loaded (${UNIT_PATH}; enabled; preset: enabled)`);
  out += field('Drop-In', DROPIN_DIR);
  out += cont(`└─${DROPIN_NAME}`);
  if (s.running) {
    const since = s.since ? ` since ${formatTimestamp(s.since)}; ${formatTimestampRelative(s.since, s.now)}` : '';
    out += field('Active', `active (running)${since}`);
  } else {
    out += field('Active', 'inactive (dead)');
  }
  out += field('Docs', DOCS);
  if (s.running && s.pid !== undefined) {
    out += field('Main PID', `${s.pid} (${s.proc?.comm ?? 'kubelet'})`);
    if (s.proc) {
      out += field('Tasks', String(s.proc.tasks));
      out += field('Memory', formatBytes(s.proc.memoryBytes));
      out += field('CPU', formatTimespan(s.proc.cpuMs));
    }
    out += field('CGroup', `/system.slice/${KUBELET_UNIT}`);
    out += cont(`└─${s.pid} ${execLine(s.commandLine)}`);
  }
  if (s.journal.length > 0) out += `\n${s.journal.join('')}`;
  return out;
}
