/**
 * Command-line flags the way the Kubernetes components parse them (spf13/pflag): `--name=value`
 * or `--name value`, booleans as `--name` or `--name=false`, and the same one-line errors:
 *   Error: unknown flag: --foo
 *   Error: invalid argument "abc" for "--secure-port" flag: strconv.ParseInt: parsing "abc": invalid syntax
 */
export type FlagType = 'string' | 'int' | 'float' | 'bool' | 'duration' | 'stringSlice';

export interface FlagSpec {
  name: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  usage: string;
  /** Single-letter shorthand, e.g. v for --v. */
  short?: string;
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

/** Go duration text (1h2m3.5s, 300ms) to milliseconds. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * (unit[m[2] as string] ?? 0);
    matched += m[0].length;
  }
  if (matched !== text.length || matched === 0) throw new Error(`time: invalid duration "${text}"`);
  return total;
}

function convert(spec: FlagSpec, raw: string): string | number | boolean | string[] {
  const bad = (why: string): FlagError =>
    new FlagError(`invalid argument "${raw}" for "--${spec.name}" flag: ${why}`);
  switch (spec.type) {
    case 'string':
      return raw;
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw bad(`strconv.ParseFloat: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'bool': {
      if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(raw)) return true;
      if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(raw)) return false;
      throw bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
    }
    case 'duration':
      try {
        return parseDuration(raw);
      } catch (err) {
        throw bad((err as Error).message);
      }
    case 'stringSlice':
      return raw === '' ? [] : raw.split(',');
  }
}

export interface ParsedFlags {
  values: FlagValues;
  /** Flags given explicitly on the command line. */
  set: Set<string>;
  args: string[];
}

export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values: FlagValues = {};
  for (const s of specs) values[s.name] = s.default;
  const set = new Set<string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const long = a.startsWith('--');
    const body = a.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = long ? byName.get(name) : (byShort.get(name) ?? byName.get(name));
    if (!spec) {
      throw new FlagError(long ? `unknown flag: --${name}` : `unknown shorthand flag: '${name[0] ?? ''}' in ${a}`);
    }
    let raw: string;
    if (eq >= 0) raw = body.slice(eq + 1);
    else if (spec.type === 'bool') raw = 'true';
    else if (i + 1 < argv.length) raw = argv[++i] as string;
    else throw new FlagError(`flag needs an argument: --${spec.name}`);
    values[spec.name] = convert(spec, raw);
    set.add(spec.name);
  }
  return { values, set, args };
}

/** Usage text as the components print for --help. */
export function flagUsage(specs: FlagSpec[]): string {
  return specs
    .map((s) => {
      const head = `      --${s.name}${s.type === 'bool' ? '' : ` ${s.type}`}`;
      const def = s.default !== undefined && s.default !== '' && s.default !== false ? ` (default ${JSON.stringify(s.default)})` : '';
      return `${head.padEnd(44)}${s.usage}${def}`;
    })
    .join('\n');
}
