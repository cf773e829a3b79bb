/**
 * What the kubelet writes on a port-forward error stream when forwarding fails
 * (handleStreamPortForwardErr): portForwardErrResponse as Go's json.Encoder writes it. Resets
 * and broken pipes from the pod's side leave the connection usable; anything else asks the
 * client to close it.
 */

export interface PortForwardErrorResponse {
  closeConnection?: boolean;
  message?: string;
}

/** Where a forward went: the pod as the error message names it, its UID, the port. */
export interface PortForwardTargetName {
  podName: string;
  uid: string;
  port: number;
}

const RECOVERABLE = new Set(['EPIPE', 'ECONNRESET']);

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function portForwardErrorMessage(err: unknown, t: PortForwardTargetName): string {
  const detail = err instanceof Error ? err.message : String(err);
  return `error forwarding port ${t.port} to pod ${t.podName}, uid ${t.uid}: ${detail}`;
}

export function portForwardErrorResponse(err: unknown, t: PortForwardTargetName): PortForwardErrorResponse {
  const message = portForwardErrorMessage(err, t);
  const code = errorCode(err);
  return code && RECOVERABLE.has(code) ? { message } : { closeConnection: true, message };
}

/** json.Encoder output: HTML-safe escapes and a trailing newline. */
export function encodeGoJson(value: unknown): string {
  const text = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${text}\n`;
}
