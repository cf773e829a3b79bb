/**
 * Finding the command an argv names: path words first (global flags may come before them),
 * the rest parsed as that command's flags. A group named without a subcommand, or an unknown
 * word, is reported the way cobra words it.
 */
import type { FlagSpec } from '@kubelab/api';
import type { Command, CommandGroup } from './command.js';
import { CliError } from './cli-error.js';
import { GLOBAL_FLAGS } from './global-flags.js';

export const ROOT_NAME = 'kubelab';

export interface CommandTree {
  commands: Command[];
  groups: CommandGroup[];
}

export type Resolved =
  | { kind: 'command'; command: Command; rest: string[] }
  | { kind: 'group'; path: string[]; rest: string[] };

const key = (path: string[]): string => path.join(' ');

/** The names directly below `path`, with what they are. */
export function children(tree: CommandTree, path: string[]): { name: string; short: string; command?: Command }[] {
  const depth = path.length;
  const below = new Map<string, { name: string; short: string; command?: Command }>();
  const prefix = (p: string[]): boolean => p.length > depth && path.every((w, i) => p[i] === w);
  const used = (g: CommandGroup): boolean => tree.commands.some((c) => g.path.every((w, i) => c.path[i] === w));
  for (const g of tree.groups) {
    if (prefix(g.path) && g.path.length === depth + 1 && used(g)) below.set(g.path[depth] as string, { name: g.path[depth] as string, short: g.short });
  }
  for (const c of tree.commands) {
    if (!prefix(c.path)) continue;
    const name = c.path[depth] as string;
    if (c.path.length === depth + 1) below.set(name, { name, short: c.short, command: c });
    else if (!below.has(name)) below.set(name, { name, short: '' });
  }
  return [...below.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function findGroup(tree: CommandTree, path: string[]): CommandGroup | undefined {
  return tree.groups.find((g) => key(g.path) === key(path));
}

function takesValue(token: string, specs: FlagSpec[]): boolean {
  if (token.includes('=')) return false;
  const long = token.startsWith('--');
  const name = token.slice(long ? 2 : 1);
  const spec = specs.find((s) => (long ? s.name === name : s.short === name || s.name === name));
  return !!spec && spec.type !== 'bool';
}

/** Splits argv into the command it names and the remaining tokens (flags and arguments). */
export function resolveCommand(tree: CommandTree, argv: string[]): Resolved {
  const path: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') break;
    if (token.startsWith('-') && token !== '-') {
      rest.push(token);
      if (takesValue(token, GLOBAL_FLAGS) && i + 1 < argv.length) rest.push(argv[++i] as string);
      continue;
    }
    const below = children(tree, path).find((c) => c.name === token);
    if (!below) {
      const parent = [ROOT_NAME, ...path].join(' ');
      throw new CliError(`unknown command "${token}" for "${parent}"; run '${parent} --help' for usage`);
    }
    path.push(token);
    if (below.command) {
      i++;
      break;
    }
  }
  rest.push(...argv.slice(i));
  const command = tree.commands.find((c) => key(c.path) === key(path));
  if (command) return { kind: 'command', command, rest };
  return { kind: 'group', path, rest };
}
