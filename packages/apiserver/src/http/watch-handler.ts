/**
 * Watch: a chunked stream of JSON events, one per line, from the watch cache. Starts after the
 * given resourceVersion (or with synthetic ADDED events from "0"/none), applies selectors to
 * events, optionally sends bookmarks, ends after timeoutSeconds, and answers a too-old
 * resourceVersion with an ERROR event carrying 410 Expired.
 */
import type { ApiObject } from '@kubelab/api';
import { ApiError, groupVersion } from '@kubelab/api';
import type { CacheEvent } from '../cache/cacher.js';
import type { StoredJson } from '../cache/stored-json.js';
import { printTable } from '../printers/index.js';
import { StorageError } from '../storage/storage.js';
import type { ApiRequest } from './handler-context.js';
import { buildPredicate, parseListOptions } from './list-options.js';
import { mustStore } from './object-handlers.js';
import { wantsTable } from './negotiation.js';
import { isTrue } from './request-info.js';

const EVENT_END = Buffer.from('}\n');

export function handleWatch(r: ApiRequest): void {
  const store = mustStore(r);
  const opts = parseListOptions(r.query);
  let fieldSelector = opts.fieldSelector;
  if (r.info.name) {
    // GET .../pods/NAME?watch=true watches one object.
    fieldSelector = fieldSelector ? `${fieldSelector},metadata.name=${r.info.name}` : `metadata.name=${r.info.name}`;
  }
  const pred = buildPredicate(r.resource, { labelSelector: opts.labelSelector, fieldSelector });
  const table = wantsTable(r.req.headers.accept);
  const bookmarks = isTrue(r.query.get('allowWatchBookmarks'));
  const sendInitialEvents = isTrue(r.query.get('sendInitialEvents'));
  const rvText = opts.resourceVersion;
  let fromRv: number | undefined;
  if (rvText && rvText !== '0' && !sendInitialEvents) {
    fromRv = Number(rvText);
    if (!Number.isInteger(fromRv) || fromRv < 0) {
      throw new ApiError('BadRequest', `resourceVersion: Invalid value: "${rvText}": must be a non-negative integer`);
    }
  }
  const timeoutText = r.query.get('timeoutSeconds');
  const min = r.deps.minRequestTimeoutSeconds;
  const timeoutSec = timeoutText ? Number(timeoutText) : min + Math.random() * min;

  const res = r.res;
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  r.req.socket.setNoDelay(true);

  let first = true;
  const now = (): number => r.deps.clock.now();
  const write = (type: string, json: StoredJson): void => {
    if (!table) {
      const parts = [Buffer.from(`{"type":"${type}","object":`)];
      json.pushTo(parts);
      parts.push(EVENT_END);
      res.write(Buffer.concat(parts));
      return;
    }
    const obj = JSON.parse(json.toString()) as ApiObject;
    const t = printTable(r.resource, [obj], {
      now: now(),
      includeObject: r.query.get('includeObject') === 'Object' ? 'Object' : r.query.get('includeObject') === 'None' ? 'None' : 'Metadata',
      noHeaders: !first,
      resourceVersion: obj.metadata?.resourceVersion,
    });
    first = false;
    res.write(`{"type":"${type}","object":${JSON.stringify(t)}}\n`);
  };
  const bookmark = (rv: number, initialEventsEnd = false): void => {
    const meta: Record<string, unknown> = { resourceVersion: String(rv) };
    if (initialEventsEnd) meta.annotations = { 'k8s.io/initial-events-end': 'true' };
    const obj = { kind: r.resource.kind, apiVersion: groupVersion(r.resource), metadata: meta };
    res.write(`{"type":"BOOKMARK","object":${JSON.stringify(obj)}}\n`);
  };

  let lastRv = fromRv ?? 0;
  let watcher: { stop(): void } | undefined;
  const timers: NodeJS.Timeout[] = [];
  const finish = (): void => {
    watcher?.stop();
    watcher = undefined;
    for (const t of timers) {
      clearTimeout(t);
      clearInterval(t);
    }
    if (!res.writableEnded) res.end();
  };
  r.req.on('close', finish);
  res.on('close', finish);

  const prefix = store.prefix(r.ctx.namespace);
  try {
    if (sendInitialEvents) {
      const { items, rv } = store.cacher.list(prefix, pred);
      for (const e of items) write('ADDED', e.json);
      if (bookmarks) bookmark(rv, true);
      fromRv = rv;
      lastRv = rv;
    }
    watcher = store.cacher.watch({
      prefix,
      fromRv,
      pred,
      onEvent: (ev: CacheEvent) => {
        lastRv = ev.rv;
        write(ev.type, ev.json);
      },
    });
  } catch (err) {
    if (err instanceof StorageError && err.code === 'Expired') {
      const status = new ApiError('Expired', err.message).toStatus();
      res.write(`{"type":"ERROR","object":${JSON.stringify(status)}}\n`);
      finish();
      return;
    }
    finish();
    throw err;
  }
  if (Number.isFinite(timeoutSec) && timeoutSec > 0) timers.push(setTimeout(finish, timeoutSec * 1000));
  if (bookmarks) {
    timers.push(
      setInterval(() => bookmark(Math.max(lastRv, store.resourceVersion())), r.deps.bookmarkIntervalMs),
    );
  }
}
