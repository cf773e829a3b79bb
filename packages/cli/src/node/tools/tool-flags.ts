/**
 * Flags of the node tools, parsed as Go's urfave/cli parses crictl's and as systemd's getopt
 * parses systemctl's and journalctl's: `-a`, `-aq` (combined booleans), `-n5`, `-n 5`,
 * `--name x`, `--name=x`, `--` ends the flags. Unknown flags are an error.
 */

export type ToolFlagType = 'bool' | 'string' | 'int';

export interface ToolFlagSpec {
  name: string;
  short?: string;
  aliases?: string[];
  type: ToolFlagType;
  /** A value-taking flag that may also stand alone (journalctl's `-n`): the default then. */
  optionalValue?: string;
}

export interface ParsedToolFlags {
  values: Map<string, string | boolean>;
  /** Repeated string flags (crictl's --label). */
  lists: Map<string, string[]>;
  positional: string[];
}

export class ToolFlagError extends Error {
  override name = 'ToolFlagError';
}

function find(specs: ToolFlagSpec[], key: string, long: boolean): ToolFlagSpec | undefined {
  return specs.find((s) => (long ? s.name === key || s.aliases?.includes(key) : s.short === key || (key.length > 1 && s.aliases?.includes(key))));
}

function set(out: ParsedToolFlags, spec: ToolFlagSpec, value: string | boolean): void {
  if (spec.type === 'int' && typeof value === 'string' && !/^-?\d+$/.test(value)) {
    throw new ToolFlagError(`invalid value "${value}" for flag -${spec.name}: parse error`);
  }
  out.values.set(spec.name, value);
  if (typeof value === 'string') out.lists.set(spec.name, [...(out.lists.get(spec.name) ?? []), value]);
}

/** Parses flags anywhere among the arguments (interspersed, as urfave/cli v2 and getopt do). */
export function parseToolFlags(args: string[], specs: ToolFlagSpec[]): ParsedToolFlags {
  const out: ParsedToolFlags = { values: new Map(), lists: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = find(specs, key, true);
      if (!spec) throw new ToolFlagError(`flag provided but not defined: -${key}`);
      if (spec.type === 'bool') set(out, spec, eq < 0 ? true : arg.slice(eq + 1) !== 'false');
      else if (eq >= 0) set(out, spec, arg.slice(eq + 1));
      else if (spec.optionalValue !== undefined && (i + 1 >= args.length || !/^\d+$/.test(args[i + 1] ?? ''))) set(out, spec, spec.optionalValue);
      else if (i + 1 < args.length) set(out, spec, args[++i] ?? '');
      else throw new ToolFlagError(`flag needs an argument: -${key}`);
      continue;
    }
    // Short flags, possibly combined: -aq, -n5, -n 5.
    for (let j = 1; j < arg.length; j++) {
      const key = arg[j] ?? '';
      const spec = find(specs, key, false);
      if (!spec) throw new ToolFlagError(`flag provided but not defined: -${arg.slice(j)}`);
      if (spec.type === 'bool') {
        set(out, spec, true);
        continue;
      }
      const rest = arg.slice(j + 1).replace(/^=/, '');
      if (rest) set(out, spec, rest);
      else if (spec.optionalValue !== undefined && (i + 1 >= args.length || !/^\d+$/.test(args[i + 1] ?? ''))) set(out, spec, spec.optionalValue);
      else if (i + 1 < args.length) set(out, spec, args[++i] ?? '');
      else throw new ToolFlagError(`flag needs an argument: -${key}`);
      break;
    }
  }
  return out;
}

export function flagBool(p: ParsedToolFlags, name: string): boolean {
  return p.values.get(name) === true;
}

export function flagString(p: ParsedToolFlags, name: string, dflt = ''): string {
  const v = p.values.get(name);
  return typeof v === 'string' ? v : dflt;
}

export function flagInt(p: ParsedToolFlags, name: string, dflt: number): number {
  const v = p.values.get(name);
  return typeof v === 'string' ? Number(v) : dflt;
}
