/** What one probe attempt says (pkg/probe): a result, its output, and an error when the probe
 * itself could not run (the kubelet then throws the result away). */
import { KUBELET_VERSION } from '../node/node-info.js';

export type ProbeResultKind = 'success' | 'warning' | 'failure' | 'unknown';

export interface ProbeOutcome {
  result: ProbeResultKind;
  output: string;
  error?: Error;
}

/** Response bodies and command output kept for messages (maxRespBodyLength, maxReadLength). */
export const MAX_PROBE_OUTPUT_BYTES = 10 * 1024;

/** `kube-probe/<major>.<minor>` of the kubelet version. */
export function probeUserAgent(version: string = KUBELET_VERSION): string {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? `kube-probe/${m[1]}.${m[2]}` : 'kube-probe';
}

export const success = (output = ''): ProbeOutcome => ({ result: 'success', output });
export const failure = (output: string): ProbeOutcome => ({ result: 'failure', output });
export const errored = (error: Error): ProbeOutcome => ({ result: 'unknown', output: '', error });

/** Keeps at most MAX_PROBE_OUTPUT_BYTES of output. */
export function truncateOutput(output: string | Buffer): string {
  const buf = typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
  return buf.subarray(0, MAX_PROBE_OUTPUT_BYTES).toString('utf8');
}
