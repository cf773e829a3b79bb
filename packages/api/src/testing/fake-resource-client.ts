/**
 * An in-memory ResourceClient with watch, for unit tests of informers and controllers. It
 * assigns resourceVersions and uids, answers NotFound/AlreadyExists/Conflict as the apiserver
 * words them, filters by namespace and simple selectors, replays watches from a
 * resourceVersion, and lets tests inject faults, compact history (410) and end watches.
 * Strategic merge patches are applied as JSON merge patches.
 */
import type {
  DeleteOptions,
  KubeObject,
  ListOptions,
  ObjectList,
  PatchOptions,
  PatchType,
  ResourceClient,
  WatchOptions,
} from '../client/resource-client.js';
import {
  OPTIMISTIC_LOCK_ERROR_MSG,
  alreadyExists,
  badRequest,
  conflict,
  notFound,
} from '../errors.js';
import type { ResourceInfo } from '../resources.js';
import type { ApiObject, WatchEvent } from '../types/index.js';
import { matchesFields, matchesLabels } from './fake-selectors.js';
import { FakeResourceStore, type FakeStoreOptions } from './fake-resource-store.js';

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export class FakeResourceClient<T extends KubeObject = ApiObject> implements ResourceClient<T> {
  readonly store: FakeResourceStore<T>;
  readonly namespace: string | undefined;

  constructor(
    readonly info: ResourceInfo,
    opts: FakeStoreOptions & { namespace?: string } = {},
    store?: FakeResourceStore<T>,
  ) {
    this.store = store ?? new FakeResourceStore<T>(info, opts);
    this.namespace = info.namespaced ? opts.namespace : undefined;
  }

  /** Another client over the same objects, scoped to one namespace (or all, with undefined). */
  inNamespace(namespace: string | undefined): FakeResourceClient<T> {
    return new FakeResourceClient<T>(this.info, namespace ? { namespace } : {}, this.store);
  }

  private gr(): { group: string; resource: string } {
    return { group: this.info.group, resource: this.info.plural };
  }

  private key(name: string, objNamespace?: string): string {
    if (!this.info.namespaced) return name;
    const ns = this.namespace ?? objNamespace;
    if (!ns) throw badRequest(`a namespace is required for ${this.info.plural} "${name}"`);
    return `${ns}/${name}`;
  }

  private existing(name: string, objNamespace?: string): { key: string; obj: T } {
    const key = this.key(name, objNamespace);
    const obj = this.store.read(key);
    if (!obj) throw notFound(this.gr(), name);
    return { key, obj };
  }

  private accepts(obj: T, o: { labelSelector?: string; fieldSelector?: string }): boolean {
    if (this.namespace && obj.metadata?.namespace !== this.namespace) return false;
    return (
      matchesLabels(o.labelSelector, obj.metadata?.labels) && matchesFields(o.fieldSelector, obj)
    );
  }

  private write(type: 'ADDED' | 'MODIFIED', key: string, obj: T): T {
    const out = structuredClone(obj);
    out.metadata = { ...out.metadata, resourceVersion: this.store.nextResourceVersion() };
    this.store.commit(type, key, out);
    return structuredClone(out);
  }

  async get(name: string): Promise<T> {
    this.store.enter('get', this.namespace, { name });
    return this.existing(name).obj;
  }

  async list(o: ListOptions = {}): Promise<ObjectList<T>> {
    this.store.enter('list', this.namespace, o);
    const all = this.store.all().filter((obj) => this.accepts(obj, o));
    const start = o.continue ? Number(o.continue) : 0;
    const end = o.limit ? start + o.limit : all.length;
    const metadata: ObjectList<T>['metadata'] = { resourceVersion: this.store.resourceVersion };
    if (end < all.length) metadata.continue = String(end);
    return {
      apiVersion: this.info.group ? `${this.info.group}/${this.info.version}` : this.info.version,
      kind: this.info.listKind,
      metadata,
      items: all.slice(start, end),
    };
  }

  async create(obj: T): Promise<T> {
    this.store.enter('create', this.namespace, { name: obj.metadata?.name });
    const name = obj.metadata?.name ?? '';
    const key = this.key(name, obj.metadata?.namespace);
    if (this.store.read(key)) throw alreadyExists(this.gr(), name);
    const created = structuredClone(obj);
    created.metadata = { ...created.metadata, uid: this.store.nextUid() };
    if (this.info.namespaced) created.metadata.namespace = key.split('/')[0] ?? '';
    return this.write('ADDED', key, created);
  }

  private guarded(op: 'update' | 'updateStatus', obj: T): { key: string; current: T } {
    this.store.enter(op, this.namespace, { name: obj.metadata?.name });
    const name = obj.metadata?.name ?? '';
    const { key, obj: current } = this.existing(name, obj.metadata?.namespace);
    const rv = obj.metadata?.resourceVersion;
    if (rv && rv !== current.metadata?.resourceVersion)
      throw conflict(this.gr(), name, OPTIMISTIC_LOCK_ERROR_MSG);
    return { key, current };
  }

  async update(obj: T): Promise<T> {
    const { key, current } = this.guarded('update', obj);
    const next = structuredClone(obj);
    next.metadata = { ...next.metadata, uid: current.metadata?.uid ?? '' };
    return this.write('MODIFIED', key, next);
  }

  async updateStatus(obj: T): Promise<T> {
    const { key, current } = this.guarded('updateStatus', obj);
    const next = { ...current, status: (obj as { status?: unknown }).status } as T;
    return this.write('MODIFIED', key, next);
  }

  async patch(name: string, type: PatchType, body: unknown, o?: PatchOptions): Promise<T> {
    this.store.enter('patch', this.namespace, { name, type, ...o });
    if (type === 'json' || type === 'apply')
      throw badRequest(`fake: ${type} patches are not supported`);
    const { key, obj } = this.existing(name);
    const patched = mergePatch(obj, body) as T;
    patched.metadata = { ...patched.metadata, name, uid: obj.metadata?.uid ?? '' };
    return this.write('MODIFIED', key, patched);
  }

  async delete(name: string, o: DeleteOptions = {}): Promise<T> {
    this.store.enter('delete', this.namespace, { name, ...o });
    const { key, obj } = this.existing(name);
    const pre = o.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata?.uid) {
      throw conflict(
        this.gr(),
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata?.uid ?? ''}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata?.resourceVersion) {
      throw conflict(this.gr(), name, OPTIMISTIC_LOCK_ERROR_MSG);
    }
    obj.metadata = { ...obj.metadata, resourceVersion: this.store.nextResourceVersion() };
    this.store.commit('DELETED', key, obj);
    return structuredClone(obj);
  }

  watch(o: WatchOptions = {}): AsyncIterable<WatchEvent<T>> {
    const { signal, ...options } = o;
    const open = async function* (this: FakeResourceClient<T>): AsyncGenerator<WatchEvent<T>> {
      this.store.enter('watch', this.namespace, options);
      yield* this.store.watch(o.resourceVersion, (obj) => this.accepts(obj, o), signal);
    };
    return { [Symbol.asyncIterator]: () => open.call(this) };
  }
}
