/**
 * exec probes (pkg/probe/exec): the command runs in the container through the runtime; exit
 * code 0 is success, anything else failure with the output (at most 10 KiB) as the message;
 * a command still running after timeoutSeconds fails with `command "..." timed out`; a runtime
 * error (no such container) is an error, not a failure.
 */
import type { Clock } from '@kubelab/api';
import type { ContainerRuntime } from '../runtime/container-runtime.js';
import { ProbeTimeoutError } from './go-net-error.js';
import { errored, failure, success, truncateOutput, type ProbeOutcome } from './probe-outcome.js';
import { withTimeout } from './probe-timeout.js';

export type ExecSync = ContainerRuntime['execSync'];

export interface ExecProbeRequest {
  containerId: string;
  command: string[];
  timeoutMs: number;
}

const isTimeout = (err: unknown): boolean =>
  err instanceof ProbeTimeoutError || (err instanceof Error && (err.name === 'TimeoutError' || /timed out/i.test(err.message)));

export async function runExecProbe(execSync: ExecSync, clock: Clock, req: ExecProbeRequest): Promise<ProbeOutcome> {
  try {
    const { exitCode, output } = await withTimeout(clock, req.timeoutMs, () =>
      execSync(req.containerId, req.command, req.timeoutMs),
    );
    const text = truncateOutput(output);
    return exitCode === 0 ? success(text) : failure(text);
  } catch (err) {
    if (isTimeout(err)) return failure(`command ${JSON.stringify(req.command.join(' '))} timed out`);
    return errored(err instanceof Error ? err : new Error(String(err)));
  }
}
