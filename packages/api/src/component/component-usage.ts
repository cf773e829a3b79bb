/** The --help text of a component, in cobra's layout. */
import { flagUsage, type FlagSpec } from '../flags/flag-set.js';

export function componentUsage(name: string, flags: FlagSpec[]): string {
  return `Usage:\n  ${name} [flags]\n\nFlags:\n${flagUsage(flags)}\n`;
}

/** utilerrors.NewAggregate(errs).Error(): one message, or `[a, b]`. */
export function aggregateMessage(errs: string[]): string {
  return errs.length === 1 ? (errs[0] ?? '') : `[${errs.join(', ')}]`;
}
