/**
 * What a remotecommand server writes on the error channel when the command ends
 * (k8s.io/kubelet/pkg/cri/streaming/remotecommand: exec.go, attach.go, httpstream.go).
 * v4 and v5 carry a JSON metav1.Status; the older protocols carry only the error text, and
 * nothing at all on success.
 */

/** metav1.Status as encoding/json writes it for the error channel (no kind/apiVersion). */
export interface ChannelStatus {
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { causes: { reason?: string; message: string }[] };
  code?: number;
}

/** remotecommand.NonZeroExitCodeReason / ExitCodeCauseType. */
export const NON_ZERO_EXIT_CODE_REASON = 'NonZeroExitCode';
export const EXIT_CODE_CAUSE_TYPE = 'ExitCode';

export function successStatus(): ChannelStatus {
  return { metadata: {}, status: 'Success' };
}

/**
 * The status of a finished exec: Success for 0, otherwise NonZeroExitCode with the code as the
 * single cause, the message built from the CRI's CodeExitError ("error executing command %v,
 * exit code %d", where %v prints the argv as [a b c]).
 */
export function exitCodeStatus(exitCode: number, command: string[]): ChannelStatus {
  if (exitCode === 0) return successStatus();
  const exitErr = `error executing command [${command.join(' ')}], exit code ${exitCode}`;
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: ${exitErr}`,
    reason: NON_ZERO_EXIT_CODE_REASON,
    details: { causes: [{ reason: EXIT_CODE_CAUSE_TYPE, message: String(exitCode) }] },
  };
}

/** apierrors.NewInternalError(err), as written when the runtime could not run the command. */
export function internalErrorStatus(message: string): ChannelStatus {
  return {
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${message}`,
    reason: 'InternalError',
    details: { causes: [{ message }] },
    code: 500,
  };
}

export type StatusEncoding = 'json' | 'text';

/**
 * The bytes for the error channel: JSON for v4/v5, the message text for v1-v3 (StatusError.Error()
 * is the message), and nothing for a v1-v3 success.
 */
export function encodeChannelStatus(status: ChannelStatus, encoding: StatusEncoding): Buffer {
  if (encoding === 'json') return Buffer.from(JSON.stringify(status));
  if (status.status === 'Success') return Buffer.alloc(0);
  return Buffer.from(status.message ?? '');
}
