/**
 * The environment of a container (kubelet_pods.go makeEnvironmentVariables): envFrom first
 * (invalid names skipped with an InvalidEnvironmentVariableNames warning), then env in order
 * with `$(VAR)` expansion over what came before and the service variables, valueFrom sources
 * resolved, then the service variables the container did not set.
 */
import { isEnvVarName, type Container, type EnvVar, type Pod } from '@kubelab/api';
import type { VolumeObjectSource } from '../volumes/volume-manager.js';
import { expand, mappingFuncFor } from './expansion.js';
import {
  decodeSecretData,
  getConfigMapOrFail,
  getSecretOrFail,
  ObjectNotFoundError,
  type ConfigMapData,
} from './object-lookup.js';
import { podFieldSelectorRuntimeValue, type PodAddresses } from './pod-field-selector.js';
import { extractResourceValue, hostAllocatable, type NodeAllocatable } from './resource-field.js';

export interface EnvContext extends VolumeObjectSource, PodAddresses {
  /** Service link variables (FOO_SERVICE_HOST ...), when the kubelet computes them. */
  serviceEnv?: Record<string, string>;
  /** Limits that are not set stand for these (defaults to the host's cpus and memory). */
  nodeAllocatable?: NodeAllocatable;
  /** Warning events about the pod (InvalidEnvironmentVariableNames). */
  recordWarning?: (reason: string, message: string) => void;
}

export interface ResolvedEnvVar {
  name: string;
  value: string;
}

/** The kubelet reports it as waiting reason CreateContainerConfigError with this message. */
export class CreateContainerConfigError extends Error {
  readonly reason = 'CreateContainerConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CreateContainerConfigError';
  }
}

class ObjectCache {
  private readonly configMaps = new Map<string, ConfigMapData>();
  private readonly secrets = new Map<string, Map<string, Buffer>>();
  constructor(
    private readonly ctx: EnvContext,
    private readonly namespace: string,
  ) {}

  /** undefined when missing and optional. */
  async configMap(name: string, optional: boolean): Promise<ConfigMapData | undefined> {
    const hit = this.configMaps.get(name);
    if (hit) return hit;
    try {
      const cm = await getConfigMapOrFail(this.ctx, this.namespace, name);
      this.configMaps.set(name, cm);
      return cm;
    } catch (err) {
      if (err instanceof ObjectNotFoundError && optional) return undefined;
      throw err;
    }
  }

  async secret(name: string, optional: boolean): Promise<Map<string, Buffer> | undefined> {
    const hit = this.secrets.get(name);
    if (hit) return hit;
    try {
      const data = decodeSecretData((await getSecretOrFail(this.ctx, this.namespace, name)).data);
      this.secrets.set(name, data);
      return data;
    } catch (err) {
      if (err instanceof ObjectNotFoundError && optional) return undefined;
      throw err;
    }
  }
}

/** Resolves the container's environment; rejects with a CreateContainerConfigError. */
export async function resolveEnv(pod: Pod, container: Container, ctx: EnvContext): Promise<ResolvedEnvVar[]> {
  try {
    return await makeEnvironmentVariables(pod, container, ctx);
  } catch (err) {
    if (err instanceof CreateContainerConfigError) throw err;
    throw new CreateContainerConfigError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

async function makeEnvironmentVariables(pod: Pod, container: Container, ctx: EnvContext): Promise<ResolvedEnvVar[]> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const serviceEnv = ctx.serviceEnv ?? {};
  const objects = new ObjectCache(ctx, namespace);
  const tmpEnv = new Map<string, string>();

  for (const envFrom of container.envFrom ?? []) {
    const prefix = envFrom.prefix ?? '';
    let entries: [string, string][];
    let what: string;
    if (envFrom.configMapRef) {
      const ref = envFrom.configMapRef;
      const cm = await objects.configMap(ref.name ?? '', ref.optional === true);
      if (!cm) continue;
      entries = Object.entries(cm.data ?? {});
      what = `configMap ${namespace}/${ref.name ?? ''}`;
    } else if (envFrom.secretRef) {
      const ref = envFrom.secretRef;
      const s = await objects.secret(ref.name ?? '', ref.optional === true);
      if (!s) continue;
      entries = [...s].map(([k, v]) => [k, v.toString('utf8')]);
      what = `secret ${namespace}/${ref.name ?? ''}`;
    } else {
      continue;
    }
    const invalidKeys: string[] = [];
    for (const [key, value] of entries) {
      const name = prefix + key;
      if (isEnvVarName(name).length > 0) {
        invalidKeys.push(name);
        continue;
      }
      tmpEnv.set(name, value);
    }
    if (invalidKeys.length > 0) {
      invalidKeys.sort();
      ctx.recordWarning?.(
        'InvalidEnvironmentVariableNames',
        `Keys [${invalidKeys.join(', ')}] from the EnvFrom ${what} were skipped since they are considered invalid environment variable names.`,
      );
    }
  }

  const mapping = mappingFuncFor(tmpEnv, serviceEnv);
  for (const envVar of container.env ?? []) {
    const value = await runtimeValue(envVar, { pod, container, ctx, objects, namespace, mapping });
    if (value === undefined) continue;
    tmpEnv.set(envVar.name, value);
  }

  const result = [...tmpEnv].map(([name, value]) => ({ name, value }));
  for (const [name, value] of Object.entries(serviceEnv)) {
    if (!tmpEnv.has(name)) result.push({ name, value });
  }
  return result;
}

interface ValueScope {
  pod: Pod;
  container: Container;
  ctx: EnvContext;
  objects: ObjectCache;
  namespace: string;
  mapping: ReturnType<typeof mappingFuncFor>;
}

/** The value of one env entry; undefined when an optional source is missing (skip it). */
async function runtimeValue(envVar: EnvVar, s: ValueScope): Promise<string | undefined> {
  if (envVar.value) return expand(envVar.value, s.mapping);
  const from = envVar.valueFrom;
  if (!from) return '';
  if (from.fieldRef) {
    return podFieldSelectorRuntimeValue(from.fieldRef, s.pod, s.ctx);
  }
  if (from.resourceFieldRef) {
    return extractResourceValue(from.resourceFieldRef, s.pod, {
      container: s.container,
      allocatable: s.ctx.nodeAllocatable ?? hostAllocatable(),
    });
  }
  if (from.configMapKeyRef) {
    const { name = '', key, optional } = from.configMapKeyRef;
    const cm = await s.objects.configMap(name, optional === true);
    if (!cm) return undefined;
    const data = cm.data ?? {};
    if (Object.prototype.hasOwnProperty.call(data, key)) return data[key] ?? '';
    if (optional) return undefined;
    throw new Error(`couldn't find key ${key} in ConfigMap ${s.namespace}/${name}`);
  }
  if (from.secretKeyRef) {
    const { name = '', key, optional } = from.secretKeyRef;
    const secret = await s.objects.secret(name, optional === true);
    if (!secret) return undefined;
    const value = secret.get(key);
    if (value !== undefined) return value.toString('utf8');
    if (optional) return undefined;
    throw new Error(`couldn't find key ${key} in Secret ${s.namespace}/${name}`);
  }
  return '';
}
