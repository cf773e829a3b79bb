/**
 * Reading processes and cgroup v1 controllers from /proc and /sys/fs/cgroup (this machine's
 * Docker engine runs in the same PID and cgroup namespaces as the benchmark).
 *  - VmRSS (/proc/<pid>/status): the process's resident pages, file-backed ones included, so a
 *    library or binary mapped by several processes counts once per process.
 *  - Pss (/proc/<pid>/smaps_rollup): resident pages with each shared page divided among the
 *    processes mapping it; summed over processes it does not double count.
 *  - memory.stat of a container's cgroup: `rss` (anonymous pages), `mapped_file` (page cache
 *    mapped into its processes), `cache` (all page cache charged to it, mapped or not), and
 *    memory.usage_in_bytes (≈ rss + cache).
 */
import { readdir, readFile } from 'node:fs/promises';

const CGROUP_ROOT = '/sys/fs/cgroup';

export interface ProcMemory {
  pid: number;
  /** kB */
  vmRss: number;
  rssAnon: number;
  rssFile: number;
  /** kB; NaN when smaps_rollup cannot be read. */
  pss: number;
}

const field = (text: string, name: string): number => {
  const m = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : Number.NaN;
};

export async function procMemory(pid: number): Promise<ProcMemory | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    return {
      pid,
      vmRss: field(status, 'VmRSS'),
      rssAnon: field(status, 'RssAnon'),
      rssFile: field(status, 'RssFile'),
      pss: field(rollup, 'Pss'),
    };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in clock ticks (undefined once it is gone). */
export async function procCpuTicks(
  pid: number | 'self',
): Promise<{ own: number; children: number } | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17)
    const n = (i: number): number => Number(f[i - 3]);
    return { own: n(14) + n(15), children: n(16) + n(17) };
  } catch {
    return undefined;
  }
}

/** Every process as pid → [ppid, command name]. */
export async function processTable(): Promise<Map<number, { ppid: number; comm: string }>> {
  const out = new Map<number, { ppid: number; comm: string }>();
  for (const e of await readdir('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = await readFile(`/proc/${e}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(e), { ppid, comm });
    } catch {
      // gone
    }
  }
  return out;
}

/** The pids and all their descendants. */
export function withDescendants(pids: number[], table: Map<number, { ppid: number }>): number[] {
  const out = new Set(pids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of table) {
      if (!out.has(pid) && out.has(p.ppid)) {
        out.add(pid);
        grew = true;
      }
    }
  }
  return [...out];
}

/** The cgroup v1 path (relative to a controller's root) of a process, for `controller`. */
export async function cgroupPath(pid: number, controller: string): Promise<string | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/cgroup`, 'utf8');
    for (const line of text.split('\n')) {
      const [, controllers, path] = line.split(':');
      if (controllers?.split(',').includes(controller)) return path;
    }
  } catch {
    // gone
  }
  return undefined;
}

export async function cgroupProcs(path: string): Promise<number[]> {
  const text = await readFile(`${CGROUP_ROOT}/memory${path}/cgroup.procs`, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map(Number);
}

export interface CgroupMemory {
  /** kB */
  rss: number;
  mappedFile: number;
  cache: number;
  usage: number;
}

export async function cgroupMemory(path: string): Promise<CgroupMemory | undefined> {
  try {
    const stat = await readFile(`${CGROUP_ROOT}/memory${path}/memory.stat`, 'utf8');
    const usage = Number(
      (await readFile(`${CGROUP_ROOT}/memory${path}/memory.usage_in_bytes`, 'utf8')).trim(),
    );
    const get = (k: string): number =>
      Number(new RegExp(`^${k} (\\d+)`, 'm').exec(stat)?.[1] ?? Number.NaN) / 1024;
    return {
      rss: get('rss'),
      mappedFile: get('mapped_file'),
      cache: get('cache'),
      usage: usage / 1024,
    };
  } catch {
    return undefined;
  }
}

/** cpuacct.usage of a cgroup, in ms (undefined once it is gone). */
export async function cgroupCpuMs(path: string): Promise<number | undefined> {
  try {
    return (
      Number((await readFile(`${CGROUP_ROOT}/cpuacct${path}/cpuacct.usage`, 'utf8')).trim()) / 1e6
    );
  } catch {
    return undefined;
  }
}

/** The resident VMAs of a process: [start, end) of every mapping whose Rss is not 0 (from smaps). */
async function residentRanges(pid: number): Promise<[number, number][]> {
  const text = await readFile(`/proc/${pid}/smaps`, 'utf8').catch(() => '');
  const out: [number, number][] = [];
  let current: [number, number] | undefined;
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
    if (head) {
      current = [Number.parseInt(head[1] as string, 16), Number.parseInt(head[2] as string, 16)];
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (rss && current && Number(rss[1]) > 0) out.push(current);
  }
  return out;
}

const PAGE = 4096;

/**
 * kB of distinct physical pages mapped by any of the processes (/proc/<pid>/pagemap, which
 * shows page frame numbers to root only): what the set of processes holds in RAM, each shared
 * page counted once, whatever other processes map it too. NaN when the PFNs are hidden.
 */
export async function distinctResidentKb(pids: number[]): Promise<number> {
  const { open } = await import('node:fs/promises');
  const frames = new Set<number>();
  let hidden = false;
  for (const pid of pids) {
    const ranges = await residentRanges(pid);
    const fh = await open(`/proc/${pid}/pagemap`, 'r').catch(() => undefined);
    if (!fh) continue;
    try {
      for (const [start, end] of ranges) {
        const pages = (end - start) / PAGE;
        const buf = Buffer.alloc(pages * 8);
        const { bytesRead } = await fh.read(buf, 0, buf.length, (start / PAGE) * 8);
        for (let i = 0; i + 8 <= bytesRead; i += 8) {
          const hi = buf.readUInt32LE(i + 4);
          if ((hi & 0x80000000) === 0) continue; // not present
          const pfn = (hi & 0x7fffff) * 2 ** 32 + buf.readUInt32LE(i);
          if (pfn === 0) hidden = true;
          else frames.add(pfn);
        }
      }
    } catch {
      // the process exited meanwhile
    } finally {
      await fh.close();
    }
  }
  return hidden && frames.size === 0 ? Number.NaN : (frames.size * PAGE) / 1024;
}
