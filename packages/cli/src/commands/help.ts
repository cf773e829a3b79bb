/** Help text in cobra's layout, as `kind <command> --help` prints it. */
import type { FlagSpec } from '@kubelab/api';
import { formatGoDuration } from '../cluster/go-duration.js';
import type { Command } from './command.js';
import { children, findGroup, ROOT_NAME, type CommandTree } from './command-tree.js';
import { GLOBAL_FLAGS, HELP_FLAG } from './global-flags.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  int: 'int',
  bool: '',
  duration: 'duration',
  stringSlice: 'strings',
};

function defaultText(spec: FlagSpec): string {
  const d = spec.default;
  if (spec.type === 'duration') return ` (default ${formatGoDuration(Number(d ?? 0))})`;
  if (d === undefined || d === false || d === '' || d === 0 || (Array.isArray(d) && d.length === 0)) return '';
  return ` (default ${Array.isArray(d) ? `[${d.join(',')}]` : String(d)})`;
}

/** Flag lines aligned as pflag's FlagUsages: `  -n, --name string   usage (default x)`. */
export function flagLines(specs: FlagSpec[]): string[] {
  const heads = specs.map((s) => {
    const short = s.short ? `-${s.short}, ` : '    ';
    const type = TYPE_NAMES[s.type] ?? s.type;
    return `  ${short}--${s.name}${type ? ` ${type}` : ''}`;
  });
  const width = Math.max(0, ...heads.map((h) => h.length));
  return specs.map((s, i) => `${(heads[i] as string).padEnd(width)}   ${s.usage}${defaultText(s)}`);
}

function helpFlag(name: string): FlagSpec {
  return { ...HELP_FLAG, usage: `help for ${name}` };
}

function sortFlags(specs: FlagSpec[]): FlagSpec[] {
  return [...specs].sort((a, b) => a.name.localeCompare(b.name));
}

function commandList(tree: CommandTree, path: string[]): string[] {
  const list = children(tree, path).map((c) => ({ ...c, short: c.short || findGroup(tree, [...path, c.name])?.short || '' }));
  const width = Math.max(11, ...list.map((c) => c.name.length + 2));
  return list.map((c) => `  ${c.name.padEnd(width)}${c.short}`);
}

export function commandHelp(command: Command): string {
  const name = command.path[command.path.length - 1] ?? ROOT_NAME;
  const full = [ROOT_NAME, ...command.path].join(' ');
  const out = [command.long ?? command.short, '', 'Usage:', `  ${full} ${command.usage ?? '[flags]'}`.trimEnd()];
  if (command.example) out.push('', 'Examples:', command.example);
  out.push('', 'Flags:', ...flagLines(sortFlags([...(command.flags ?? []), helpFlag(name)])));
  out.push('', 'Global Flags:', ...flagLines(GLOBAL_FLAGS));
  return `${out.join('\n')}\n`;
}

export function groupHelp(tree: CommandTree, path: string[]): string {
  const group = findGroup(tree, path);
  const full = [ROOT_NAME, ...path].join(' ');
  const name = path[path.length - 1] ?? ROOT_NAME;
  const out = [group?.long ?? group?.short ?? full, '', 'Usage:', `  ${full} [command]`, '', 'Available Commands:', ...commandList(tree, path)];
  const flags = path.length === 0 ? sortFlags([...GLOBAL_FLAGS, helpFlag(name)]) : [helpFlag(name)];
  out.push('', 'Flags:', ...flagLines(flags));
  if (path.length > 0) out.push('', 'Global Flags:', ...flagLines(GLOBAL_FLAGS));
  out.push('', `Use "${full} [command] --help" for more information about a command.`);
  return `${out.join('\n')}\n`;
}
