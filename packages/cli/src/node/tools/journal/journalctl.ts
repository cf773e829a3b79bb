/**
 * journalctl on a kubelab node: the journal holds the kubelet's log (the node root's
 * /var/log/kubelet.log), so `journalctl -u kubelet [-f] [-n N] [--no-pager]` shows its klog
 * lines journal-style and follows them; any other unit has no entries.
 */
import { existsSync } from 'node:fs';
import { readLines } from '../file-lines.js';
import { flagBool, flagString, parseToolFlags, ToolFlagError, type ToolFlagSpec } from '../tool-flags.js';
import { write, type ToolIO } from '../tool-io.js';
import { formatJournalEntry, parseKlogHeader, type JournalOutput } from './journal-format.js';

export const JOURNALCTL_FLAGS: ToolFlagSpec[] = [
  { name: 'unit', short: 'u', type: 'string' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'lines', short: 'n', type: 'string', optionalValue: '10' },
  { name: 'no-pager', type: 'bool' },
  { name: 'pager-end', short: 'e', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'catalog', short: 'x', type: 'bool' },
  { name: 'all', short: 'a', type: 'bool' },
  { name: 'boot', short: 'b', type: 'bool' },
  { name: 'no-hostname', type: 'bool' },
  { name: 'reverse', short: 'r', type: 'bool' },
  { name: 'no-tail', type: 'bool' },
];

export interface JournalctlContext {
  io: ToolIO;
  hostname: string;
  /** Host path of the node's /var/log/kubelet.log. */
  kubeletLog: string;
  /** For lines before any klog header: the kubelet's current PID, if any. */
  kubeletPid(): Promise<number | undefined>;
  now(): Date;
}

const KUBELET_UNITS = new Set(['kubelet', 'kubelet.service']);

function lineCount(value: string | undefined, follow: boolean, pagerEnd: boolean): number {
  if (value === undefined) return follow ? 10 : pagerEnd ? 1000 : -1;
  if (value === 'all' || value === '+0') return -1;
  if (!/^\+?\d+$/.test(value)) throw new ToolFlagError(`Failed to parse lines '${value}'`);
  return Number(value.replace('+', ''));
}

export async function runJournalctl(args: string[], ctx: JournalctlContext): Promise<number> {
  let p;
  try {
    p = parseToolFlags(args, JOURNALCTL_FLAGS);
  } catch (err) {
    if (!(err instanceof ToolFlagError)) throw err;
    await write(ctx.io.stderr, `journalctl: ${err.message.replace(/^flag provided but not defined: -+/, 'unrecognized option ')}\n`);
    return 1;
  }
  const units = p.lists.get('unit') ?? [];
  const output = flagString(p, 'output', 'short') as JournalOutput;
  if (!['short', 'cat', 'short-iso'].includes(output)) {
    await write(ctx.io.stderr, `Unknown output format '${output}'.\n`);
    return 1;
  }
  const follow = flagBool(p, 'follow');
  const tail = lineCount(p.values.get('lines') as string | undefined, follow, flagBool(p, 'pager-end'));
  const ours = units.length === 0 || units.some((u) => KUBELET_UNITS.has(u));
  const fmt = { hostname: ctx.hostname, output, noHostname: flagBool(p, 'no-hostname') };
  let last = { at: ctx.now(), pid: (await ctx.kubeletPid()) ?? 0 };
  let shown = 0;
  const render = (raw: Buffer): string => {
    const message = raw.toString('utf8').replace(/\r?\n$/, '');
    const header = parseKlogHeader(message, ctx.now());
    if (header) last = header;
    shown += 1;
    return formatJournalEntry({ ...last, message }, fmt);
  };
  if (ours && existsSync(ctx.kubeletLog)) {
    if (flagBool(p, 'reverse') && !follow) {
      const lines: string[] = [];
      for await (const raw of readLines(ctx.kubeletLog, { tail })) lines.push(render(raw));
      await write(ctx.io.stdout, lines.reverse().join(''));
    } else {
      for await (const raw of readLines(ctx.kubeletLog, { tail, follow, signal: ctx.io.signal })) await write(ctx.io.stdout, render(raw));
    }
  } else if (follow && !ctx.io.signal.aborted) {
    await new Promise<void>((resolve) => ctx.io.signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  if (shown === 0 && !flagBool(p, 'quiet') && !follow) await write(ctx.io.stdout, '-- No entries --\n');
  return 0;
}
