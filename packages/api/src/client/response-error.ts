/**
 * Turns a failed HTTP response into an ApiError, as client-go's transformResponse does: a
 * metav1.Status body becomes the error as the server wrote it; anything else becomes
 * NewGenericServerResponse's reason and message for the status code.
 */
import { ApiError, type Status, type StatusReason } from '../errors.js';

export interface RequestContext {
  /** HTTP method. */
  verb: string;
  /** The resource (`pods`) and its group, when the request targeted one. */
  resource?: string;
  group?: string;
  name?: string;
}

/** client-go caps the text it copies out of an unstructured error body. */
const MAX_UNSTRUCTURED_BYTES = 2048;

export function isStatus(v: unknown): v is Status {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Status';
}

function generic(code: number, verb: string, serverMessage: string): [StatusReason, string] {
  switch (code) {
    case 409:
      return [verb === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'];
    case 404:
      return ['NotFound', 'the server could not find the requested resource'];
    case 400:
      return ['BadRequest', 'the server rejected our request for an unknown reason'];
    case 401:
      return ['Unauthorized', 'the server has asked for the client to provide credentials'];
    case 403:
      return ['Forbidden', serverMessage];
    case 405:
      return [
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      ];
    case 422:
      return ['Invalid', 'the server rejected our request due to an error in our request'];
    case 504:
      return [
        'Timeout',
        'the server was unable to return a response in the time allotted, but may still be processing the request',
      ];
    case 429:
      return [
        'TooManyRequests',
        'the server has received too many requests and has asked us to try again later',
      ];
    default:
      if (code >= 500) {
        return [
          'InternalError',
          `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`,
        ];
      }
      return [
        '',
        `the server responded with the status code ${code} but did not return more information`,
      ];
  }
}

export function errorFromResponse(
  code: number,
  contentType: string | undefined,
  body: Buffer,
  ctx: RequestContext,
): ApiError {
  if (body.length > 0) {
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (isStatus(parsed)) return ApiError.fromStatus(parsed, code);
    } catch {
      // not JSON: fall through to the generic error
    }
  }
  const isText = (contentType ?? '').startsWith('text/plain');
  const serverMessage = isText
    ? body.subarray(0, MAX_UNSTRUCTURED_BYTES).toString('utf8').trim()
    : 'unknown';
  const [reason, base] = generic(code, ctx.verb, serverMessage);
  let message = base;
  const qualified = ctx.group ? `${ctx.resource}.${ctx.group}` : ctx.resource;
  if (ctx.resource && ctx.name) message += ` (${ctx.verb.toLowerCase()} ${qualified} ${ctx.name})`;
  else if (ctx.resource) message += ` (${ctx.verb.toLowerCase()} ${qualified})`;
  const details: Status['details'] = {
    causes: [{ type: 'UnexpectedServerResponse', message: serverMessage }],
  };
  if (ctx.name) details.name = ctx.name;
  if (ctx.group) details.group = ctx.group;
  if (ctx.resource) details.kind = ctx.resource;
  return new ApiError(reason, message, { code, details });
}
