/**
 * How much of the machine was busy with something else while a cluster was being created (the
 * machine has 2 cores and other sessions run test suites on it). Over the window:
 *   other = all busy CPU (/proc/stat)
 *         − this process and its reaped children (the CLI: /proc/self/stat utime..cstime)
 *         − the cluster's kubelets (started in the window: their whole utime+stime)
 *         − the cluster's containers (their cpuacct.usage)
 *         − Docker's daemons and shims (dockerd, containerd, containerd-shim*, runc, docker-proxy),
 *           with their reaped children (the short-lived runc processes that start containers).
 * Docker's daemons are counted as the cluster's though they may serve others at the same time,
 * so `other` is a lower bound.
 */
import { readFile } from 'node:fs/promises';
import { now } from './cluster-cli.js';
import { cgroupCpuMs, cgroupPath, processTable, procCpuTicks } from './cluster-proc.js';

const TICK_MS = 10; // USER_HZ = 100 on Linux
const INFRA = /^(dockerd|containerd|containerd-shim.*|runc|runc:\[.*\]|docker-proxy)$/;

async function busyTicks(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

async function infraTicks(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const [pid, p] of await processTable()) {
    if (!INFRA.test(p.comm)) continue;
    const t = await procCpuTicks(pid);
    // own + reaped children: runc and its helpers live shorter than the window.
    if (t) out.set(pid, t.own + t.children);
  }
  return out;
}

async function selfTicks(): Promise<number> {
  const t = await procCpuTicks('self');
  return t ? t.own + t.children : 0;
}

export interface CpuWindow {
  wallMs: number;
  /** ms of CPU, all processes. */
  busyMs: number;
  /** ms of CPU attributed to the run (this process, the CLI, kubelets, containers, Docker). */
  runMs: number;
  /** ms of CPU used by everything else. */
  otherMs: number;
  /** otherMs / wallMs: cores used by other processes on average. */
  otherCores: number;
  /** runMs by part: this process with the CLI, kubelets, containers, Docker. */
  parts: { selfMs: number; kubeletMs: number; containerMs: number; dockerMs: number };
}

export class CpuMeter {
  private constructor(
    private readonly t0: number,
    private readonly busy0: number,
    private readonly self0: number,
    private readonly infra0: Map<number, number>,
  ) {}

  static async start(): Promise<CpuMeter> {
    const [busy, self, infra] = await Promise.all([busyTicks(), selfTicks(), infraTicks()]);
    return new CpuMeter(now(), busy, self, infra);
  }

  /** Call at the end of the window; kubelets and container init PIDs are the cluster's. */
  async stop(kubeletPids: number[], containerPids: number[]): Promise<CpuWindow> {
    const wallMs = now() - this.t0;
    const [busy, self, infra] = await Promise.all([busyTicks(), selfTicks(), infraTicks()]);
    let infraMs = 0;
    for (const [pid, t] of infra) infraMs += (t - (this.infra0.get(pid) ?? 0)) * TICK_MS;
    let kubeletMs = 0;
    for (const pid of kubeletPids) kubeletMs += ((await procCpuTicks(pid))?.own ?? 0) * TICK_MS;
    let containerMs = 0;
    for (const pid of containerPids) {
      const path = await cgroupPath(pid, 'cpuacct');
      containerMs += (path ? await cgroupCpuMs(path) : 0) ?? 0;
    }
    const busyMs = (busy - this.busy0) * TICK_MS;
    const selfMs = (self - this.self0) * TICK_MS;
    const runMs = selfMs + kubeletMs + containerMs + infraMs;
    const otherMs = Math.max(0, busyMs - runMs);
    return {
      wallMs,
      busyMs,
      runMs,
      otherMs,
      otherCores: otherMs / wallMs,
      parts: { selfMs, kubeletMs, containerMs, dockerMs: infraMs },
    };
  }
}

/** Cores busy (all processes) over the next `windowMs`. */
export async function busyCores(windowMs: number): Promise<number> {
  const b0 = await busyTicks();
  const t0 = now();
  await new Promise((r) => setTimeout(r, windowMs));
  return (((await busyTicks()) - b0) * TICK_MS) / (now() - t0);
}

/**
 * Waits (up to maxWaitMs) for two consecutive `windowMs` windows in which the whole machine used
 * less than `thresholdCores`: a repetition then starts on a machine as quiet as it gets.
 */
export async function waitForQuiet(o: {
  maxWaitMs: number;
  thresholdCores: number;
  windowMs?: number;
}): Promise<{ waitedMs: number; quiet: boolean; lastCores: number }> {
  const t0 = now();
  let calm = 0;
  let last = Number.NaN;
  while (now() - t0 < o.maxWaitMs) {
    last = await busyCores(o.windowMs ?? 1000);
    calm = last < o.thresholdCores ? calm + 1 : 0;
    if (calm >= 2) return { waitedMs: now() - t0, quiet: true, lastCores: last };
  }
  return { waitedMs: now() - t0, quiet: false, lastCores: last };
}
