/**
 * A process as /proc shows it (what `ps` and `systemctl status` read): state, start time and
 * command line. Start time = boot time (/proc/stat btime) + starttime ticks (field 22 of
 * /proc/<pid>/stat) / USER_HZ, which is 100 on Linux.
 */
import { readdir, readFile } from 'node:fs/promises';

export const USER_HZ = 100;

export interface ProcStat {
  /** R, S, D, Z, T, … */
  state: string;
  /** Clock ticks after boot. */
  startTicks: number;
}

/** Parses /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).trim().split(/\s+/);
  // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
  const state = fields[0];
  const startTicks = Number(fields[19]);
  if (!state || !Number.isFinite(startTicks)) return undefined;
  return { state, startTicks };
}

export function parseBootTime(procStat: string): number | undefined {
  const m = /^btime\s+(\d+)$/m.exec(procStat);
  return m ? Number(m[1]) : undefined;
}

export function startTime(bootTimeSeconds: number, startTicks: number): Date {
  return new Date((bootTimeSeconds + startTicks / USER_HZ) * 1000);
}

export interface ProcessInfo {
  pid: number;
  state: string;
  since: Date | undefined;
  commandLine: string[];
}

/** The live process with this pid (zombies count as gone), or undefined. */
export async function readProcess(pid: number): Promise<ProcessInfo | undefined> {
  try {
    const [stat, cmdline] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/cmdline`)]);
    const parsed = parseProcStat(stat);
    if (!parsed || parsed.state === 'Z' || parsed.state === 'X') return undefined;
    const boot = parseBootTime(await readFile('/proc/stat', 'utf8'));
    const commandLine = cmdline.toString('utf8').split('\0').filter((s, i, all) => s !== '' || i < all.length - 1);
    return { pid, state: parsed.state, since: boot === undefined ? undefined : startTime(boot, parsed.startTicks), commandLine };
  } catch {
    return undefined;
  }
}

/** Live processes whose command line satisfies the predicate (a /proc scan). */
export async function findProcesses(match: (commandLine: string[]) => boolean): Promise<ProcessInfo[]> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  const found: ProcessInfo[] = [];
  for (const pid of pids) {
    if (pid === process.pid) continue;
    const p = await readProcess(pid);
    if (p && match(p.commandLine)) found.push(p);
  }
  return found;
}
