/**
 * Reading ConfigMaps and Secrets for env and volumes, with the kubelet's not-found messages
 * (its object managers name the resource in the singular: `configmap "x" not found`).
 */
import { isNotFound } from '@kubelab/api';
import type { VolumeObjectSource } from '../volumes/volume-manager.js';

export type ConfigMapData = { data?: Record<string, string>; binaryData?: Record<string, string> };
export type SecretData = { data?: Record<string, string> };

export class ObjectNotFoundError extends Error {
  constructor(
    readonly resource: 'configmap' | 'secret',
    readonly objectName: string,
  ) {
    super(`${resource} ${JSON.stringify(objectName)} not found`);
    this.name = 'ObjectNotFoundError';
  }
}

async function orUndefined<T>(get: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await get();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** The ConfigMap, or an ObjectNotFoundError; other errors (API server down) pass through. */
export async function getConfigMapOrFail(
  source: VolumeObjectSource,
  namespace: string,
  name: string,
): Promise<ConfigMapData> {
  const cm = await orUndefined(() => source.getConfigMap(namespace, name));
  if (!cm) throw new ObjectNotFoundError('configmap', name);
  return cm;
}

export async function getSecretOrFail(source: VolumeObjectSource, namespace: string, name: string): Promise<SecretData> {
  const s = await orUndefined(() => source.getSecret(namespace, name));
  if (!s) throw new ObjectNotFoundError('secret', name);
  return s;
}

/** Secret data as the API serves it is base64; these are the bytes. */
export function decodeSecretData(data: Record<string, string> | undefined): Map<string, Buffer> {
  return new Map(Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
}
