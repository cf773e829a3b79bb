/** get, list, create, update, patch, delete and deletecollection of stored objects. */
import type { ApiObject, DeleteOptions } from '@kubelab/api';
import { ApiError, badRequest, groupVersion, invalid, methodNotAllowed, notSupported, writeDrained } from '@kubelab/api';
import { fieldManagerFor, requestManager, trackCreate, trackUpdate } from '../fieldmanager/index.js';
import { applyPatch, patchTypeFromContentType } from '../patch/index.js';
import type { CacheEntry } from '../cache/index.js';
import { pushStoredRow, tableHeader, tableRow } from '../printers/index.js';
import type { IncludeObject, PrintTableOptions } from '../printers/index.js';
import type { GenericStore } from '../registry/generic-store.js';
import { findUnknownFields, strictDecodingBadRequestMessage } from '../schema/index.js';
import { decodeObject, parseBodyValue, readBody } from './body.js';
import type { ApiRequest } from './handler-context.js';
import { buildPredicate, paginate, parseListOptions } from './list-options.js';
import { wantsTable } from './negotiation.js';
import { successStatus, writeJson } from './responses.js';

export function mustStore(r: ApiRequest): GenericStore {
  if (!r.store) throw methodNotAllowed(r.info.verb, { group: r.resource.group, resource: r.resource.plural });
  return r.store;
}

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function expected(r: ApiRequest): { group: string; version: string; kind: string } {
  return { group: r.resource.group, version: r.resource.version, kind: r.resource.kind };
}

/** Unknown fields: 400 under fieldValidation=Strict, `Warning:` headers under Warn. */
export function checkUnknownFields(r: ApiRequest, obj: ApiObject): void {
  if (r.ctx.fieldValidation === 'Ignore') return;
  const unknown = findUnknownFields(expected(r), obj);
  if (unknown.length === 0) return;
  if (r.ctx.fieldValidation === 'Strict') {
    throw badRequest(strictDecodingBadRequestMessage(r.resource.kind, r.resource.version, unknown));
  }
  for (const p of unknown) r.ctx.warnings.push(`unknown field "${p}"`);
}

/** The Table up to its first row: its JSON without the closing `]}` of `"rows":[]}`. */
function tableHead(r: ApiRequest, opts: PrintTableOptions): string {
  return JSON.stringify(tableHeader(r.resource, opts)).slice(0, -2);
}

/** One cached object's row: the row printed when it was stored, its time cells resolved now. */
function pushTableRow(out: Buffer[], r: ApiRequest, e: CacheEntry, opts: Pick<PrintTableOptions, 'now' | 'includeObject'>): void {
  if (e.row) pushStoredRow(out, e.row, e.json, opts.includeObject, opts.now);
  else out.push(Buffer.from(JSON.stringify(tableRow(r.resource, JSON.parse(e.json.toString()) as object, opts))));
}

export function handleGet(r: ApiRequest): void {
  const store = mustStore(r);
  const entry = store.get(r.ctx.namespace, r.info.name);
  if (wantsTable(r.req.headers.accept)) {
    const opts = { now: r.deps.clock.now(), includeObject: includeObject(r.query), resourceVersion: String(entry.rv) };
    const out = [Buffer.from(tableHead(r, opts))];
    pushTableRow(out, r, entry, opts);
    out.push(LIST_END);
    writeJson(r.res, 200, Buffer.concat(out));
    return;
  }
  writeJson(r.res, 200, entry.json.bytes());
}

export async function handleList(r: ApiRequest): Promise<void> {
  const store = mustStore(r);
  const opts = parseListOptions(r.query);
  const pred = buildPredicate(r.resource, opts);
  const prefix = store.prefix(r.ctx.namespace);
  const { items, rv } = store.cacher.list(prefix, pred);
  const page = paginate(items, prefix, rv, opts, pred !== undefined);
  if (wantsTable(r.req.headers.accept)) {
    const tableOpts = {
      now: r.deps.clock.now(),
      includeObject: includeObject(r.query),
      resourceVersion: String(rv),
      ...(page.continueToken ? { continue: page.continueToken } : {}),
      ...(page.remaining !== undefined ? { remainingItemCount: page.remaining } : {}),
    };
    await writeList(r.res, tableHead(r, tableOpts), page.items, (out, e) => pushTableRow(out, r, e, tableOpts));
    return;
  }
  let meta = `{"resourceVersion":"${rv}"`;
  if (page.continueToken) meta += `,"continue":${JSON.stringify(page.continueToken)}`;
  if (page.remaining !== undefined) meta += `,"remainingItemCount":${page.remaining}`;
  meta += '}';
  const head = `{"kind":"${r.resource.listKind}","apiVersion":"${groupVersion(r.resource)}","metadata":${meta},"items":[`;
  await writeList(r.res, head, page.items, (out, e) => e.json.pushTo(out));
}

/** Under malloc's fixed 128 KB mmap threshold (APISERVER_ENV): reused, not mapped anew. */
const CHUNK_BYTES = 1 << 16;
const COMMA = Buffer.from(',');
const LIST_END = Buffer.from(']}');

/**
 * `head`, the items' JSON joined by commas, then `]}`. A long list (10,000 pods are 45 MB) is
 * written in chunks, each after the socket has taken the previous one, never as one buffer and
 * never all buffered at once; a short one as one body with its Content-Length. Items append
 * their bytes as views of what the cache stores.
 */
async function writeList<T>(res: ApiRequest['res'], head: string, items: T[], push: (out: Buffer[], item: T) => void): Promise<void> {
  let parts: Buffer[] = [Buffer.from(head)];
  if (items.length < 256) {
    items.forEach((item, i) => {
      if (i) parts.push(COMMA);
      push(parts, item);
    });
    parts.push(LIST_END);
    writeJson(res, 200, Buffer.concat(parts));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  let bytes = 0;
  let counted = 0;
  for (let i = 0; i < items.length; i++) {
    if (i) parts.push(COMMA);
    push(parts, items[i] as T);
    for (; counted < parts.length; counted++) bytes += (parts[counted] as Buffer).length;
    if (bytes < CHUNK_BYTES) continue;
    await writeDrained(res, Buffer.concat(parts, bytes));
    parts = [];
    bytes = 0;
    counted = 0;
    if (res.destroyed) return;
  }
  parts.push(LIST_END);
  res.end(Buffer.concat(parts));
}

export async function handleCreate(r: ApiRequest): Promise<void> {
  const store = mustStore(r);
  const body = await readBody(r.req);
  const obj = decodeObject(body, r.req.headers['content-type'], expected(r));
  checkUnknownFields(r, obj);
  const manager = requestManager({ options: 'CreateOptions', fieldManager: r.query.get('fieldManager'), userAgent: r.req.headers['user-agent'] });
  trackCreate(fieldManagerFor(r.resource, '', r.deps.clock), r.resource, obj, manager);
  const item = await store.create(r.ctx, obj);
  writeJson(r.res, 201, item.json, r.ctx.warnings);
}

export async function handleUpdate(r: ApiRequest, subresource = ''): Promise<void> {
  const store = mustStore(r);
  const body = await readBody(r.req);
  const obj = decodeObject(body, r.req.headers['content-type'], expected(r));
  checkUnknownFields(r, obj);
  const objName = obj.metadata?.name;
  if (objName && objName !== r.info.name) {
    throw badRequest(`the name of the object (${objName}) does not match the name on the URL (${r.info.name})`);
  }
  if (r.resource.namespaced && obj.metadata?.namespace && obj.metadata.namespace !== r.ctx.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const manager = requestManager({ options: 'UpdateOptions', fieldManager: r.query.get('fieldManager'), userAgent: r.req.headers['user-agent'] });
  const fm = fieldManagerFor(r.resource, subresource, r.deps.clock);
  const { item, created } = await store.update(
    r.ctx,
    r.info.name,
    (cur) => {
      if (cur) return trackUpdate(fm, r.resource, cur, obj, manager);
      const created = structuredClone(obj);
      trackCreate(fm, r.resource, created, manager);
      return created;
    },
    { subresource },
  );
  writeJson(r.res, created ? 201 : 200, item.json, r.ctx.warnings);
}

export async function handlePatch(r: ApiRequest, subresource = ''): Promise<void> {
  const store = mustStore(r);
  const ct = r.req.headers['content-type'] ?? '';
  const type = patchTypeFromContentType(ct);
  if (!type) {
    throw new ApiError(
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  }
  const body = await readBody(r.req);
  let patch: unknown;
  try {
    patch = parseBodyValue(body, ct);
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
  const gvk = expected(r);
  const manager = requestManager({
    options: 'PatchOptions',
    fieldManager: r.query.get('fieldManager'),
    userAgent: r.req.headers['user-agent'],
    apply: type === 'apply',
    force: r.query.get('force'),
  });
  const fm = fieldManagerFor(r.resource, subresource, r.deps.clock);
  if (type === 'apply') {
    const applied = appliedConfiguration(r, patch);
    checkUnknownFields(r, applied);
    const force = r.query.get('force') === 'true';
    const { item, created } = await store.update(
      r.ctx,
      r.info.name,
      (cur) => fm.apply(cur, structuredClone(applied), manager, force),
      { subresource, forceAllowCreate: !subresource },
    );
    writeJson(r.res, created ? 201 : 200, item.json, r.ctx.warnings);
    return;
  }
  const { item } = await store.update(
    r.ctx,
    r.info.name,
    (cur) => {
      if (!cur) throw new Error('unreachable');
      const next = applyPatch(type, cur, patch, gvk) as ApiObject;
      checkUnknownFields(r, next);
      return trackUpdate(fm, r.resource, cur, next, manager);
    },
    { subresource },
  );
  writeJson(r.res, 200, item.json, r.ctx.warnings);
}

/** The body of an apply patch: an object whose name and namespace, if set, match the URL. */
function appliedConfiguration(r: ApiRequest, patch: unknown): ApiObject {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw badRequest(`error decoding YAML: json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  }
  const applied = patch as ApiObject;
  const meta = applied.metadata;
  if (meta?.name && meta.name !== r.info.name) {
    throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${r.info.name})`);
  }
  if (r.resource.namespaced && meta?.namespace && meta.namespace !== r.ctx.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  return applied;
}

export async function readDeleteOptions(r: ApiRequest): Promise<DeleteOptions> {
  const body = await readBody(r.req);
  let options: DeleteOptions = {};
  if (body.length) {
    try {
      options = JSON.parse(body.toString('utf8')) as DeleteOptions;
    } catch (err) {
      throw badRequest(`DeleteOptions in version "v1" cannot be handled as a DeleteOptions: ${(err as Error).message}`);
    }
  }
  const q = r.query;
  const grace = q.get('gracePeriodSeconds');
  if (grace !== null) options.gracePeriodSeconds = Number(grace);
  const policy = q.get('propagationPolicy');
  if (policy) options.propagationPolicy = policy;
  const orphan = q.get('orphanDependents');
  if (orphan !== null) options.orphanDependents = orphan === 'true';
  // kubectl delete --dry-run=server sends DeleteOptions.dryRun in the body, not as a query parameter.
  if (options.dryRun !== undefined) {
    const values = Array.isArray(options.dryRun) ? options.dryRun : [options.dryRun];
    if (values.some((v) => v !== 'All')) {
      throw invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', [notSupported('dryRun', values, ['All'])]);
    }
    if (values.length > 0) r.ctx.dryRun = true;
  }
  if (options.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(options.propagationPolicy)) {
    throw new ApiError('Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${options.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
  }
  return options;
}

/** Kinds whose DELETE answers the object itself (ReturnDeletedObject), not a Status. */
const RETURNS_OBJECT = new Set(['pods', 'namespaces', 'nodes', 'services']);

export async function handleDelete(r: ApiRequest): Promise<void> {
  const store = mustStore(r);
  const options = await readDeleteOptions(r);
  const { item, deleted } = await store.delete(r.ctx, r.info.name, options);
  if (!deleted || (RETURNS_OBJECT.has(r.resource.plural) && r.resource.group === '')) {
    writeJson(r.res, 200, item.json);
    return;
  }
  const obj = JSON.parse(item.json) as ApiObject;
  const details: Record<string, unknown> = { name: r.info.name };
  if (r.resource.group) details.group = r.resource.group;
  details.kind = r.resource.plural;
  details.uid = obj.metadata?.uid;
  writeJson(r.res, 200, successStatus(200, details));
}

export async function handleDeleteCollection(r: ApiRequest): Promise<void> {
  const store = mustStore(r);
  const options = await readDeleteOptions(r);
  const opts = parseListOptions(r.query);
  const pred = buildPredicate(r.resource, opts);
  const prefix = store.prefix(r.ctx.namespace);
  const { items } = store.cacher.list(prefix, pred);
  const deleted: string[] = [];
  for (const e of items) {
    const obj = JSON.parse(e.json.toString()) as ApiObject;
    const ns = obj.metadata?.namespace;
    const ctx = { ...r.ctx, namespace: ns };
    try {
      const { item } = await store.delete(ctx, obj.metadata?.name ?? '', options);
      deleted.push(item.json);
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
    }
  }
  const rv = store.cacher.list(prefix).rv;
  writeJson(
    r.res,
    200,
    `{"kind":"${r.resource.listKind}","apiVersion":"${groupVersion(r.resource)}","metadata":{"resourceVersion":"${rv}"},"items":[${deleted.join(',')}]}`,
  );
}
