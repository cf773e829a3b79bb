/**
 * List parameters (labelSelector, fieldSelector, limit, continue) turned into a cache predicate
 * and a page, with upstream errors for bad selectors and continue tokens.
 */
import type { ResourceInfo } from '@kubelab/api';
import { ApiError, badRequest, parseFieldSelector, parseLabelSelector, validateFieldSelector } from '@kubelab/api';
import type { CacheEntry, ObjectAttrs, Predicate } from '../cache/cacher.js';

export interface ListOptions {
  labelSelector: string;
  fieldSelector: string;
  limit: number;
  continueToken: string;
  resourceVersion: string;
}

export function parseListOptions(q: URLSearchParams): ListOptions {
  const limitText = q.get('limit');
  const limit = limitText ? Number(limitText) : 0;
  return {
    labelSelector: q.get('labelSelector') ?? '',
    fieldSelector: q.get('fieldSelector') ?? '',
    limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0,
    continueToken: q.get('continue') ?? '',
    resourceVersion: q.get('resourceVersion') ?? '',
  };
}

export function buildPredicate(info: ResourceInfo, opts: { labelSelector: string; fieldSelector: string }): Predicate | undefined {
  if (!opts.labelSelector && !opts.fieldSelector) return undefined;
  let labels: ReturnType<typeof parseLabelSelector> | undefined;
  let fields: ReturnType<typeof parseFieldSelector> | undefined;
  try {
    if (opts.labelSelector) labels = parseLabelSelector(opts.labelSelector);
  } catch (err) {
    throw err instanceof ApiError ? err : badRequest(`unable to parse requirement: ${(err as Error).message}`);
  }
  try {
    if (opts.fieldSelector) fields = parseFieldSelector(opts.fieldSelector);
  } catch (err) {
    throw err instanceof ApiError ? err : badRequest((err as Error).message);
  }
  if (fields) {
    const why = validateFieldSelector(info.group, info.kind, fields);
    if (why) throw badRequest(why);
  }
  return (attrs: ObjectAttrs) =>
    (!labels || labels.matches(attrs.labels)) && (!fields || fields.matches(attrs.fields));
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

export function encodeContinue(rv: number, lastKey: string, prefix: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start: `${lastKey.slice(prefix.length)}\u0000` };
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

export function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as ContinueToken;
    if (t.v !== 'meta.k8s.io/v1' || typeof t.start !== 'string' || typeof t.rv !== 'number') throw new Error('bad');
    return t;
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

export interface Page {
  items: CacheEntry[];
  continueToken: string | undefined;
  remaining: number | undefined;
}

/** One page of a key-ordered list. */
export function paginate(items: CacheEntry[], prefix: string, rv: number, opts: ListOptions, selective: boolean): Page {
  let start = 0;
  if (opts.continueToken) {
    const t = decodeContinue(opts.continueToken);
    const from = prefix + t.start;
    start = items.findIndex((e) => e.key >= from);
    if (start < 0) start = items.length;
  }
  if (!opts.limit || start + opts.limit >= items.length) {
    return { items: start ? items.slice(start) : items, continueToken: undefined, remaining: undefined };
  }
  const page = items.slice(start, start + opts.limit);
  const last = page[page.length - 1] as CacheEntry;
  const remaining = items.length - start - opts.limit;
  return { items: page, continueToken: encodeContinue(rv, last.key, prefix), remaining: selective ? undefined : remaining };
}
