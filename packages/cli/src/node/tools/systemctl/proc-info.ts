/** What `systemctl status` shows of a process, read from /proc: name, tasks, memory, CPU time. */
import { readFile } from 'node:fs/promises';

export interface ProcInfo {
  comm: string;
  tasks: number;
  memoryBytes: number;
  cpuMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the `(comm)` field, which may hold spaces. */
export function parseStat(stat: string): { comm: string; utime: number; stime: number } | undefined {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const rest = stat.slice(close + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  return { comm: stat.slice(open + 1, close), utime: Number(rest[11] ?? 0), stime: Number(rest[12] ?? 0) };
}

export function parseStatus(status: string): { threads: number; rssBytes: number } {
  const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return { threads, rssBytes: rssKb * 1024 };
}

export async function readProcInfo(pid: number): Promise<ProcInfo | undefined> {
  try {
    const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]);
    const s = parseStat(stat);
    if (!s) return undefined;
    const st = parseStatus(status);
    return { comm: s.comm, tasks: st.threads, memoryBytes: st.rssBytes, cpuMs: ((s.utime + s.stime) * 1000) / CLOCK_TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}
