/**
 * PodLogOptions from a /containerLogs query (v1 parameter decoding, then
 * validation.ValidatePodLogOptions), turned into what the CRI log reader takes
 * (logs.NewLogOptions: sinceSeconds becomes a point in time).
 */

export interface PodLogOptions {
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  sinceSeconds?: number;
  sinceTime?: Date;
}

export type PodLogOptionsResult = { options: PodLogOptions } | { code: 400 | 422; message: string };

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False', '']);

class DecodeError extends Error {}

function bool(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  if (v === null) return false;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new DecodeError(name);
}

function int(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw new DecodeError(name);
  return Number(v);
}

/** metav1.Time accepts RFC 3339 (with or without fractional seconds). */
function time(q: URLSearchParams, name: string): Date | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) throw new DecodeError(name);
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new DecodeError(name);
  return d;
}

export function parsePodLogOptions(query: URLSearchParams): PodLogOptionsResult {
  const q = new URLSearchParams(query);
  // Backwards compatibility for the "tail" parameter; "all" is the same as omitting it.
  const tail = q.get('tail');
  if (tail) {
    if (tail === 'all') q.delete('tailLines');
    else q.set('tailLines', tail);
  }
  let options: PodLogOptions;
  try {
    options = {
      follow: bool(q, 'follow'),
      previous: bool(q, 'previous'),
      timestamps: bool(q, 'timestamps'),
    };
    const tailLines = int(q, 'tailLines');
    const limitBytes = int(q, 'limitBytes');
    const sinceSeconds = int(q, 'sinceSeconds');
    const sinceTime = time(q, 'sinceTime');
    if (tailLines !== undefined) options.tailLines = tailLines;
    if (limitBytes !== undefined) options.limitBytes = limitBytes;
    if (sinceSeconds !== undefined) options.sinceSeconds = sinceSeconds;
    if (sinceTime !== undefined) options.sinceTime = sinceTime;
  } catch (err) {
    if (err instanceof DecodeError) return { code: 400, message: 'Unable to decode query.' };
    throw err;
  }
  const invalid =
    (options.tailLines !== undefined && options.tailLines < 0) ||
    (options.limitBytes !== undefined && options.limitBytes < 1) ||
    (options.sinceSeconds !== undefined && options.sinceSeconds < 1) ||
    (options.sinceSeconds !== undefined && options.sinceTime !== undefined);
  if (invalid) return { code: 422, message: 'Invalid request.' };
  return { options };
}

/** The point in time logs start at, if any (sinceSeconds counts back from now). */
export function logsSince(options: PodLogOptions, nowMs: number): Date | undefined {
  if (options.sinceSeconds !== undefined) return new Date(nowMs - options.sinceSeconds * 1000);
  return options.sinceTime;
}
