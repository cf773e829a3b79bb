/**
 * CPU time and resident memory of processes, from /proc (Linux), to tell whether the server or
 * the load generator ran out of CPU, and how much memory the server holds.
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on every Linux kernel we run). */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process in milliseconds (all its threads). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  // The command name may hold spaces; the fields that follow it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state(3) ... utime(14) stime(15), counted from pid(1).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface MemoryStatus {
  /** VmRSS: resident now, in MB (10^6 bytes). */
  rssMB: number;
  /** VmHWM: the peak resident size so far, in MB. */
  peakRssMB: number;
}

export function memoryStatus(pid: number): MemoryStatus {
  const status = readFileSync(`/proc/${pid}/status`, 'latin1');
  const kb = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(m[1]);
  };
  return { rssMB: (kb('VmRSS') * 1024) / 1e6, peakRssMB: (kb('VmHWM') * 1024) / 1e6 };
}

/** Busy CPU time of the whole machine (all cores, every state but idle and iowait), in ms. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0] as string;
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number) as number[];
  const ticks =
    (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface CpuUse {
  /** This process. */
  self: number;
  /** The processes named when the meter started, in order. */
  others: number[];
  /** The whole machine (up to the number of cores). */
  machine: number;
}

/** CPU used between start and stop, as a fraction of one core. */
export class CpuMeter {
  private readonly startWall = performance.now();
  private readonly startSelf = process.cpuUsage();
  private readonly startOthers: number[];
  private readonly startMachine = machineBusyMs();

  constructor(private readonly pids: number[] = []) {
    this.startOthers = pids.map(processCpuMs);
  }

  stop(): CpuUse {
    const wall = performance.now() - this.startWall;
    const used = process.cpuUsage(this.startSelf);
    return {
      self: (used.user + used.system) / 1000 / wall,
      others: this.pids.map(
        (pid, i) => (processCpuMs(pid) - (this.startOthers[i] as number)) / wall,
      ),
      machine: (machineBusyMs() - this.startMachine) / wall,
    };
  }
}

/**
 * Memory at rest: V8 shrinks the heap of a process that went idle (its memory reducer, which
 * ran 20-30 s after the last request here). Polls RSS until it has fallen by a tenth and then
 * held for holdMs, or until maxMs passed; returns it with the time waited.
 */
export async function restingMemory(
  pid: number,
  holdMs = 3_000,
  maxMs = 45_000,
): Promise<MemoryStatus & { waitedMs: number }> {
  const start = performance.now();
  const initial = memoryStatus(pid).rssMB;
  let droppedAt: number | undefined;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = performance.now();
    const m = memoryStatus(pid);
    if (droppedAt === undefined && m.rssMB < initial * 0.9) droppedAt = now;
    if ((droppedAt !== undefined && now - droppedAt >= holdMs) || now - start >= maxMs)
      return { ...m, waitedMs: now - start };
  }
}
