/** The --help text of a component, in cobra's layout. */
import { flagUsage, type FlagSpec, type FlagValues } from '../flags/flag-set.js';

export function componentUsage(name: string, flags: FlagSpec[]): string {
  return `Usage:\n  ${name} [flags]\n\nFlags:\n${flagUsage(flags)}\n`;
}

/** utilerrors.NewAggregate(errs).Error(): one message, or `[a, b]`. */
export function aggregateMessage(errs: string[]): string {
  return errs.length === 1 ? (errs[0] ?? '') : `[${errs.join(', ')}]`;
}

/** time.Duration.String() for whole milliseconds: 15s, 500ms, 1m30s, 0s. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (Math.abs(ms) < 1000) return `${ms}ms`;
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = `${rest / 1000}s`;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}`;
}

/** A flag's value as pflag prints it in the `FLAG: --name="value"` lines. */
export function flagValueString(spec: FlagSpec, value: FlagValues[string]): string {
  if (value === undefined) return '';
  if (spec.type === 'duration' && typeof value === 'number') return goDuration(value);
  if (Array.isArray(value)) return `[${value.join(',')}]`;
  return String(value);
}
