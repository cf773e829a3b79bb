/**
 * CPU use during a benchmark phase, split into what the measurement involves (this process,
 * which hosts the API server; the kubelet; Docker's daemons and the containers' processes)
 * and everything else the machine did (its busy time minus those). On 2 cores, other work (another test suite) slows the
 * kubelet down; the report marks a phase DISTURBED when others took more than 20% of a core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { machineBusyMs } from './load-process-stats.js';
import { wallNow } from './kubelet-timing.js';

const TICKS_PER_SECOND = 100;
/** Process names that are part of running containers on Docker. */
const DOCKER_SIDE = new Set([
  'dockerd',
  'containerd',
  'containerd-shim',
  'containerd-shim-runc-v2',
  'runc',
  'docker-proxy',
  'docker-init',
  'pause',
  'sh',
  'sleep',
  'busybox',
]);
export const DISTURBED_SHARE = 0.2;

interface ProcCpu {
  comm: string;
  ms: number;
}

function snapshot(): Map<number, ProcCpu> {
  const out = new Map<number, ProcCpu>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(d), { comm, ms: ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

export interface PhaseCpu {
  wallMs: number;
  /** Shares of one core. */
  bench: number;
  kubelet: number;
  docker: number;
  others: number;
  machine: number;
}

export class PhaseCpuMeter {
  private readonly start = snapshot();
  private readonly startWall = wallNow();
  private readonly startMachine = machineBusyMs();

  constructor(private readonly kubeletPid: () => number | undefined) {}

  stop(): PhaseCpu {
    const end = snapshot();
    const wallMs = wallNow() - this.startWall;
    const share = (ms: number): number => ms / wallMs;
    const kubelet = this.kubeletPid();
    let bench = 0;
    let kube = 0;
    let docker = 0;
    for (const [pid, e] of end) {
      const s = this.start.get(pid);
      const used = e.ms - (s && s.comm === e.comm ? s.ms : 0);
      if (pid === process.pid) bench += used;
      else if (pid === kubelet) kube += used;
      else if (DOCKER_SIDE.has(e.comm)) docker += used;
    }
    const machine = machineBusyMs() - this.startMachine;
    // Everything else the machine did, short-lived processes included.
    const others = Math.max(0, machine - bench - kube - docker);
    return {
      wallMs,
      bench: share(bench),
      kubelet: share(kube),
      docker: share(docker),
      others: share(others),
      machine: share(machine),
    };
  }
}

export const disturbed = (c: PhaseCpu): boolean => c.others > DISTURBED_SHARE;
