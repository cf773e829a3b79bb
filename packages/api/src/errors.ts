/**
 * Kubernetes API errors as metav1.Status, with upstream reasons, codes and message formats
 * (k8s.io/apimachinery/pkg/api/errors). One table maps reasons to HTTP codes.
 */
import type { FieldError } from './validation/field-errors.js';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Gone'
  | 'Expired'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'
  | 'TooManyRequests'
  | '';

export const REASON_TO_HTTP: Record<Exclude<StatusReason, ''>, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  Unauthorized: 401,
  Gone: 410,
  Expired: 410,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  InternalError: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
  TooManyRequests: 429,
};

/** metav1.StatusCause. `type` is the Go field Type, sent on the wire as `reason`. */
export interface StatusCause {
  type?: string;
  message?: string;
  field?: string;
}

/** A cause as JSON: `{"reason":"FieldValueRequired","message":...,"field":...}`. */
export interface WireStatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

function causeToWire(c: StatusCause): WireStatusCause {
  const w: WireStatusCause = {};
  if (c.type !== undefined) w.reason = c.type;
  if (c.message !== undefined) w.message = c.message;
  if (c.field !== undefined) w.field = c.field;
  return w;
}

function causeFromWire(c: WireStatusCause & { type?: string }): StatusCause {
  const out: StatusCause = {};
  const type = c.reason ?? c.type;
  if (type !== undefined) out.type = type;
  if (c.message !== undefined) out.message = c.message;
  if (c.field !== undefined) out.field = c.field;
  return out;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** A resource as named in error messages: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

export class ApiError extends Error {
  readonly code: number;
  readonly reason: StatusReason;
  readonly details: StatusDetails | undefined;

  constructor(
    reason: StatusReason,
    message: string,
    opts: { code?: number; details?: StatusDetails; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'ApiError';
    this.reason = reason;
    this.code = opts.code ?? (reason ? REASON_TO_HTTP[reason] : 500);
    this.details = opts.details;
  }

  toStatus(): Status {
    const s: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      code: this.code,
    };
    if (this.reason) s.reason = this.reason;
    if (this.details) {
      const { causes, ...rest } = this.details;
      s.details = causes ? { ...rest, causes: causes.map(causeToWire) as StatusCause[] } : rest;
    }
    return s;
  }

  static fromStatus(s: Partial<Status>, httpCode?: number): ApiError {
    const opts: { code: number; details?: StatusDetails } = { code: s.code ?? httpCode ?? 500 };
    if (s.details) {
      const { causes, ...rest } = s.details;
      opts.details = causes ? { ...rest, causes: (causes as WireStatusCause[]).map(causeFromWire) } : rest;
    }
    return new ApiError(s.reason ?? '', s.message ?? '', opts);
  }
}

function details(gr: GroupResource, name?: string): StatusDetails {
  const d: StatusDetails = {};
  if (name !== undefined) d.name = name;
  if (gr.group) d.group = gr.group;
  d.kind = gr.resource;
  return d;
}

export function notFound(gr: GroupResource, name: string): ApiError {
  return new ApiError('NotFound', `${qualifiedResource(gr)} "${name}" not found`, {
    details: details(gr, name),
  });
}

export function alreadyExists(gr: GroupResource, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, {
    details: details(gr, name),
  });
}

export const OPTIMISTIC_LOCK_ERROR_MSG =
  'the object has been modified; please apply your changes to the latest version and try again';

export function conflict(gr: GroupResource, name: string, why: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`,
    { details: details(gr, name) },
  );
}

/** `The Pod "bad" is invalid: spec.containers[0].image: Required value` (kubectl adds "The"). */
export function invalid(
  kind: { group: string; kind: string },
  name: string,
  errs: FieldError[],
): ApiError {
  const causes = errs.map((e) => ({ type: e.type, message: e.detailMessage(), field: e.field }));
  const list = errs.map((e) => e.toString());
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const qualifiedKind = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const d: StatusDetails = { name, kind: kind.kind, causes };
  if (kind.group) d.group = kind.group;
  return new ApiError('Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    details: d,
  });
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message);
}

/** `pods "x" is forbidden: <why>` or, without a name, `pods is forbidden: <why>`. */
export function forbidden(gr: GroupResource, name: string, why: string): ApiError {
  const subject = name ? `${qualifiedResource(gr)} "${name}"` : qualifiedResource(gr);
  return new ApiError('Forbidden', `${subject} is forbidden: ${why}`, {
    details: details(gr, name || undefined),
  });
}

export function unauthorized(message = 'Unauthorized'): ApiError {
  return new ApiError('Unauthorized', message);
}

export function resourceExpired(message: string): ApiError {
  return new ApiError('Expired', message);
}

export function methodNotAllowed(verb: string, gr: GroupResource): ApiError {
  return new ApiError(
    'MethodNotAllowed',
    `${verb} is not supported on resources of kind "${qualifiedResource(gr)}"`,
    { details: details(gr) },
  );
}

export function internalError(err: unknown): ApiError {
  const msg = err instanceof Error ? err.message : String(err);
  return new ApiError('InternalError', `Internal error occurred: ${msg}`, {
    details: { causes: [{ message: msg }] },
    cause: err,
  });
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export const isNotFound = (e: unknown): boolean => isApiError(e) && e.reason === 'NotFound';
export const isAlreadyExists = (e: unknown): boolean =>
  isApiError(e) && e.reason === 'AlreadyExists';
export const isConflict = (e: unknown): boolean => isApiError(e) && e.reason === 'Conflict';
export const isGone = (e: unknown): boolean => isApiError(e) && e.code === 410;
export const isInvalid = (e: unknown): boolean => isApiError(e) && e.reason === 'Invalid';
