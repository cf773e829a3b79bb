/** A child's exit as a shell reports it: its code, or 128 + the number of the signal that ended it. */
import { constants } from 'node:os';

export function shellExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}
