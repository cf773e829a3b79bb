/**
 * systemctl on a kubelab node: one unit, kubelet.service, whose process is the node's kubelet
 * (started, stopped and restarted through KubeletProcessControl; its containers keep running).
 * Other units are answered as systemd answers for a unit that does not exist.
 */
import { readLines } from '../file-lines.js';
import { flagBool, flagString, parseToolFlags, ToolFlagError, type ToolFlagSpec } from '../tool-flags.js';
import { write, type ToolIO } from '../tool-io.js';
import type { KubeletProcessStatus } from '../../../cluster/kubelet-process-api.js';
import { formatJournalEntry, toJournalEntries } from '../journal/journal-format.js';
import { DESCRIPTION, KUBELET_UNIT, systemctlCat } from './kubelet-unit.js';
import { readProcInfo } from './proc-info.js';
import { formatUnitStatus } from './unit-status.js';

export const SYSTEMCTL_FLAGS: ToolFlagSpec[] = [
  { name: 'no-pager', type: 'bool' },
  { name: 'full', short: 'l', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'lines', short: 'n', type: 'string' },
  { name: 'now', type: 'bool' },
  { name: 'no-block', type: 'bool' },
  { name: 'all', short: 'a', type: 'bool' },
];

/** The kubelet's process, as systemctl needs it. */
export interface KubeletUnitControl {
  status(): Promise<KubeletProcessStatus>;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  restart(): Promise<unknown>;
}

export interface SystemctlContext {
  io: ToolIO;
  hostname: string;
  kubelet: KubeletUnitControl;
  /** Host path of the node's /var/log/kubelet.log. */
  kubeletLog: string;
  now(): Date;
}

/** `kubelet` → `kubelet.service`, as systemd mangles unit names. */
export function unitName(name: string): string {
  return /\.(service|socket|target|timer|mount|slice|scope|path|device|swap)$/.test(name) ? name : `${name}.service`;
}

async function journalTail(ctx: SystemctlContext, n: number, pid: number | undefined): Promise<string[]> {
  const lines: string[] = [];
  try {
    for await (const raw of readLines(ctx.kubeletLog, { tail: n })) lines.push(raw.toString('utf8').replace(/\r?\n$/, ''));
  } catch {
    return [];
  }
  const entries = toJournalEntries(lines, { fallback: { at: ctx.now(), pid: pid ?? 0 }, now: ctx.now() });
  return entries.map((e) => formatJournalEntry(e, { hostname: ctx.hostname }));
}

export async function runSystemctl(args: string[], ctx: SystemctlContext): Promise<number> {
  let p;
  try {
    p = parseToolFlags(args, SYSTEMCTL_FLAGS);
  } catch (err) {
    if (!(err instanceof ToolFlagError)) throw err;
    await write(ctx.io.stderr, `systemctl: ${err.message.replace(/^flag provided but not defined: -+/, 'unrecognized option ')}\n`);
    return 1;
  }
  const [verb = 'list-units', ...names] = p.positional;
  const units = names.map(unitName);
  const err = (text: string): Promise<void> => write(ctx.io.stderr, `${text}\n`);
  const foreign = units.find((u) => u !== KUBELET_UNIT);
  switch (verb) {
    case 'cat': {
      if (units.length === 0) return err('Too few arguments.').then(() => 1);
      if (foreign) return err(`No files found for ${foreign}.`).then(() => 1);
      const s = await ctx.kubelet.status();
      await write(ctx.io.stdout, systemctlCat(s.commandLine));
      return 0;
    }
    case 'status': {
      if (foreign) return err(`Unit ${foreign} could not be found.`).then(() => 4);
      const s = await ctx.kubelet.status();
      const proc = s.running && s.pid !== undefined ? await readProcInfo(s.pid) : undefined;
      const n = Number(flagString(p, 'lines', '10')) || 0;
      const journal = n > 0 ? await journalTail(ctx, n, s.pid) : [];
      await write(ctx.io.stdout, formatUnitStatus({ running: s.running, pid: s.pid, since: s.since, now: ctx.now(), commandLine: s.commandLine, proc, journal }));
      return s.running ? 0 : 3;
    }
    case 'start':
    case 'stop':
    case 'restart':
    case 'try-restart':
    case 'reload-or-restart': {
      if (units.length === 0) return err('Too few arguments.').then(() => 1);
      if (foreign) return err(`Failed to ${verb} ${foreign}: Unit ${foreign} ${verb === 'stop' ? 'not loaded' : 'not found'}.`).then(() => 5);
      if (verb === 'start') await ctx.kubelet.start();
      else if (verb === 'stop') await ctx.kubelet.stop();
      else await ctx.kubelet.restart();
      return 0;
    }
    case 'is-active': {
      const active = foreign ? false : (await ctx.kubelet.status()).running;
      if (!flagBool(p, 'quiet')) await write(ctx.io.stdout, `${active ? 'active' : 'inactive'}\n`);
      return active ? 0 : 3;
    }
    case 'is-enabled': {
      if (foreign) return err(`Failed to get unit file state for ${foreign}: No such file or directory`).then(() => 1);
      if (!flagBool(p, 'quiet')) await write(ctx.io.stdout, 'enabled\n');
      return 0;
    }
    case 'enable':
    case 'disable': {
      if (foreign) return err(`Failed to ${verb} unit: Unit file ${foreign} does not exist.`).then(() => 1);
      if (flagBool(p, 'now')) await (verb === 'enable' ? ctx.kubelet.start() : ctx.kubelet.stop());
      return 0;
    }
    case 'daemon-reload':
      return 0;
    case 'list-units': {
      const running = (await ctx.kubelet.status()).running;
      const row = [KUBELET_UNIT, 'loaded', running ? 'active' : 'inactive', running ? 'running' : 'dead', DESCRIPTION];
      await write(ctx.io.stdout, `  ${['UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'].map((h, i) => h.padEnd(i < 4 ? (row[i] ?? '').length : 0)).join(' ')}\n  ${row.join(' ')}\n`);
      return 0;
    }
    default:
      await err(`Unknown command verb '${verb}'.`);
      return 1;
  }
}
