/** Reading dockerode errors: HTTP status and the daemon's own message. */

export function statusCode(err: unknown): number | undefined {
  const code = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

export const isNotFound = (err: unknown): boolean => statusCode(err) === 404;
export const isNotModified = (err: unknown): boolean => statusCode(err) === 304;
export const isConflict = (err: unknown): boolean => statusCode(err) === 409;

/** The daemon's message (`json.message`), else the error text. */
export function daemonMessage(err: unknown): string {
  const json = (err as { json?: unknown } | undefined)?.json;
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message;
  }
  if (typeof json === 'string' && json.trim()) return json.trim();
  const reason = (err as { reason?: unknown } | undefined)?.reason;
  const message = err instanceof Error ? err.message : String(err);
  return typeof reason === 'string' && message.includes('(HTTP code') ? message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim() : message;
}
