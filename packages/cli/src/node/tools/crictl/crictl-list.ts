/** `crictl ps` and `crictl pods`: list, filter and print as cri-tools does. */
import { flagBool, flagInt, flagString, parseToolFlags, type ParsedToolFlags, type ToolFlagSpec } from '../tool-flags.js';
import { write } from '../tool-io.js';
import { containersJson, formatContainerTable, formatSandboxTable, sandboxesJson } from './crictl-format.js';
import { CrictlError, type CrictlContext } from './crictl-context.js';
import type { CriContainer, CriContainerState, CriSandbox } from './runtime-view.js';

const COMMON: ToolFlagSpec[] = [
  { name: 'id', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'namespace', type: 'string' },
  { name: 'state', short: 's', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'latest', short: 'l', type: 'bool' },
  { name: 'last', short: 'n', type: 'int' },
  { name: 'no-trunc', type: 'bool' },
  { name: 'verbose', short: 'v', type: 'bool' },
];

export const PS_FLAGS: ToolFlagSpec[] = [...COMMON, { name: 'all', short: 'a', type: 'bool' }, { name: 'pod', short: 'p', type: 'string' }, { name: 'image', type: 'string' }];
export const PODS_FLAGS: ToolFlagSpec[] = COMMON;

function regex(pattern: string): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    return /(?!)/; // crictl: an invalid pattern matches nothing
  }
}

function labelSelector(p: ParsedToolFlags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of p.lists.get('label') ?? []) {
    const pair = s.split('=');
    if (pair.length !== 2) throw new CrictlError(`incorrectly specified label: ${s}`);
    out[pair[0] ?? ''] = pair[1] ?? '';
  }
  return out;
}

const matchesLabels = (labels: Record<string, string>, sel: Record<string, string>): boolean => Object.entries(sel).every(([k, v]) => labels[k] === v);

function truncateCount(n: number, latest: boolean, last: number): number {
  if (latest) return Math.min(1, n);
  if (last > 0) return Math.min(last, n);
  return n;
}

const STATES: Record<string, CriContainerState> = { created: 'CONTAINER_CREATED', running: 'CONTAINER_RUNNING', exited: 'CONTAINER_EXITED', unknown: 'CONTAINER_UNKNOWN' };

/** ListContainers' filter + getContainersList, pure. */
export function filterContainers(all: CriContainer[], p: ParsedToolFlags): CriContainer[] {
  const stateText = flagString(p, 'state');
  let state: CriContainerState | undefined;
  if (stateText) {
    state = STATES[stateText.toLowerCase()];
    if (!state) throw new CrictlError('--state should be one of created, running, exited or unknown');
  } else if (!flagBool(p, 'all')) state = 'CONTAINER_RUNNING';
  const latest = flagBool(p, 'latest');
  const last = flagInt(p, 'last', 0);
  if (latest || last > 0) state = undefined;
  const id = flagString(p, 'id');
  const pod = flagString(p, 'pod');
  const image = flagString(p, 'image');
  const sel = labelSelector(p);
  const nameRe = regex(flagString(p, 'name'));
  const nsRe = regex(flagString(p, 'namespace'));
  const out = all.filter(
    (c) =>
      (!state || c.state === state) &&
      (!id || c.id.startsWith(id)) &&
      (!pod || c.podSandboxId.startsWith(pod)) &&
      (!image || c.image === image || c.imageSpec === image || c.image.replace(/^sha256:/, '').startsWith(image.replace(/^sha256:/, ''))) &&
      matchesLabels(c.labels, sel) &&
      (!nameRe || nameRe.test(c.name)) &&
      (!nsRe || nsRe.test(c.labels['io.kubernetes.pod.namespace'] ?? 'unknown')),
  );
  return out.slice(0, truncateCount(out.length, latest, last));
}

export function filterSandboxes(all: CriSandbox[], p: ParsedToolFlags): CriSandbox[] {
  const stateText = flagString(p, 'state').toLowerCase();
  if (stateText && stateText !== 'ready' && stateText !== 'notready') throw new CrictlError('--state should be ready or notready');
  const id = flagString(p, 'id');
  const sel = labelSelector(p);
  const nameRe = regex(flagString(p, 'name'));
  const nsRe = regex(flagString(p, 'namespace'));
  const out = all.filter(
    (s) =>
      (!stateText || (stateText === 'ready') === (s.state === 'SANDBOX_READY')) &&
      (!id || s.id.startsWith(id)) &&
      matchesLabels(s.labels, sel) &&
      (!nameRe || nameRe.test(s.name)) &&
      (!nsRe || nsRe.test(s.namespace)),
  );
  return out.slice(0, truncateCount(out.length, flagBool(p, 'latest'), flagInt(p, 'last', 0)));
}

function outputFormat(p: ParsedToolFlags): 'table' | 'json' {
  const o = flagString(p, 'output', 'table');
  if (o === 'table' || o === 'json') return o;
  throw new CrictlError(`unsupported output format "${o}"`);
}

export async function crictlPs(args: string[], ctx: CrictlContext): Promise<void> {
  const p = parseToolFlags(args, PS_FLAGS);
  const format = outputFormat(p);
  const list = filterContainers(await ctx.view.containers(), p);
  if (format === 'json') return write(ctx.io.stdout, containersJson(list));
  if (flagBool(p, 'quiet')) return write(ctx.io.stdout, list.map((c) => `${c.id}\n`).join(''));
  await write(ctx.io.stdout, formatContainerTable(list, { now: ctx.now(), noTrunc: flagBool(p, 'no-trunc') }));
}

export async function crictlPods(args: string[], ctx: CrictlContext): Promise<void> {
  const p = parseToolFlags(args, PODS_FLAGS);
  const format = outputFormat(p);
  const list = filterSandboxes(await ctx.view.sandboxes(), p);
  if (format === 'json') return write(ctx.io.stdout, sandboxesJson(list));
  if (flagBool(p, 'quiet')) return write(ctx.io.stdout, list.map((s) => `${s.id}\n`).join(''));
  await write(ctx.io.stdout, formatSandboxTable(list, { now: ctx.now(), noTrunc: flagBool(p, 'no-trunc') }));
}
