/**
 * Every stored resource's GenericStore, built from the resource table with its strategy and
 * watch cache, sharing one Storage and one admission chain.
 */
import type { ApiObject, Clock, Logger, ResourceInfo, Service } from '@kubelab/api';
import { noopLogger, registryPrefix, RESOURCES, selectableFields } from '@kubelab/api';
import type { AdmissionChain } from '../admission/admission.js';
import type { ObjectLookup } from '../admission/lookups.js';
import { Cacher } from '../cache/cacher.js';
import { storedRow } from '../printers/index.js';
import type { Storage } from '../storage/storage.js';
import { createDefaultStrategy } from './default-strategy.js';
import { GenericStore } from './generic-store.js';
import { createNamespaceStrategy } from './namespaces/strategy.js';
import { createPodStrategy } from './pods/strategy.js';
import type { Cidr } from './services/allocators.js';
import { createServiceStrategy } from './services/strategy.js';
import { createDaemonSetStrategy } from './workloads/daemonset-strategy.js';
import { createJobStrategy } from './workloads/job-strategy.js';
import type { Strategy } from './strategy.js';

/** Resources that are verbs on other objects, not stored objects. */
const VIRTUAL = new Set([
  'bindings',
  'localsubjectaccessreviews',
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'selfsubjectreviews',
  'subjectaccessreviews',
  'tokenreviews',
]);

export interface RegistryOptions {
  storage: Storage;
  clock: Clock;
  serviceCidr: Cidr;
  /** Built after the registry exists: admission reads the registry. */
  admission: (lookup: ObjectLookup) => AdmissionChain;
  logger?: Logger;
  historySize?: number;
}

export const storeKey = (group: string, plural: string): string => `${group}/${plural}`;

export class Registry {
  private readonly stores = new Map<string, GenericStore>();
  readonly lookup: ObjectLookup;

  private constructor() {
    this.lookup = {
      getNamespace: (name) => this.tryGet('', 'namespaces', undefined, name),
      namespacePhase: (name) => {
        const store = this.store('', 'namespaces');
        const entry = store?.cacher.get(store.key(undefined, name));
        return entry ? (entry.attrs.fields['status.phase'] ?? '') : undefined;
      },
      getNode: (name) => this.tryGet('', 'nodes', undefined, name),
      getPod: (ns, name) => this.tryGet('', 'pods', ns, name),
      getServiceAccount: (ns, name) => this.tryGet('', 'serviceaccounts', ns, name),
    };
  }

  static async create(opts: RegistryOptions): Promise<Registry> {
    const registry = new Registry();
    const admission = opts.admission(registry.lookup);
    const logger = opts.logger ?? noopLogger;
    for (const info of RESOURCES) {
      if (VIRTUAL.has(info.plural)) continue;
      const cacher = await Cacher.create({
        storage: opts.storage,
        prefix: `${registryPrefix(info)}/`,
        attrs: (obj: ApiObject) => ({
          labels: (obj.metadata?.labels as Record<string, string> | undefined) ?? {},
          fields: selectableFields(info.group, info.kind, obj),
        }),
        row: (obj: ApiObject, json: string) => storedRow(info, obj, json),
        historySize: opts.historySize,
        logger,
      });
      const strategy = registry.strategyFor(info, opts);
      registry.stores.set(
        storeKey(info.group, info.plural),
        new GenericStore({ info, storage: opts.storage, cacher, strategy, admission, clock: opts.clock }),
      );
    }
    return registry;
  }

  private strategyFor(info: ResourceInfo, opts: RegistryOptions): Strategy {
    if (info.group === '' && info.plural === 'pods') return createPodStrategy(info);
    if (info.group === '' && info.plural === 'namespaces') return createNamespaceStrategy(info);
    if (info.group === '' && info.plural === 'services') {
      return createServiceStrategy(info, {
        cidr: opts.serviceCidr,
        listServices: () => this.listObjects<Service>('', 'services'),
      });
    }
    if (info.group === 'batch' && info.plural === 'jobs') return createJobStrategy(info);
    if (info.group === 'apps' && info.plural === 'daemonsets') return createDaemonSetStrategy(info);
    const s = createDefaultStrategy(info);
    if (info.group === '' && (info.plural === 'endpoints' || info.plural === 'events')) {
      return { ...s, allowCreateOnUpdate: true };
    }
    return s;
  }

  store(group: string, plural: string): GenericStore | undefined {
    return this.stores.get(storeKey(group, plural));
  }

  mustStore(group: string, plural: string): GenericStore {
    const s = this.store(group, plural);
    if (!s) throw new Error(`no store for ${storeKey(group, plural)}`);
    return s;
  }

  allStores(): GenericStore[] {
    return [...this.stores.values()];
  }

  private tryGet(group: string, plural: string, ns: string | undefined, name: string): ApiObject | undefined {
    const store = this.store(group, plural);
    const entry = store?.cacher.get(store.key(ns, name));
    return entry ? (JSON.parse(entry.json.toString()) as ApiObject) : undefined;
  }

  listObjects<T = ApiObject>(group: string, plural: string, namespace?: string): T[] {
    const store = this.mustStore(group, plural);
    return store.cacher.list(store.prefix(namespace)).items.map((e) => JSON.parse(e.json.toString()) as T);
  }

  close(): void {
    for (const s of this.stores.values()) s.cacher.close();
  }
}
