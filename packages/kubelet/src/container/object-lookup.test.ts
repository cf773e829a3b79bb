import { describe, expect, it } from 'vitest';
import { notFound } from '@kubelab/api';
import { decodeSecretData, getConfigMapOrFail, getSecretOrFail, ObjectNotFoundError } from './object-lookup.js';

const source = {
  getConfigMap: (_ns: string, name: string) => Promise.resolve(name === 'cfg' ? { data: { a: '1' } } : undefined),
  getSecret: (_ns: string, name: string) =>
    name === 'down' ? Promise.reject(new Error('connect ECONNREFUSED')) : Promise.reject(notFound({ group: '', resource: 'secrets' }, name)),
};

describe('object lookup', () => {
  it('returns found objects and names missing ones in the singular', async () => {
    expect(await getConfigMapOrFail(source, 'ns', 'cfg')).toEqual({ data: { a: '1' } });
    const cm = await getConfigMapOrFail(source, 'ns', 'x').catch((e: unknown) => e);
    expect(cm).toBeInstanceOf(ObjectNotFoundError);
    expect((cm as Error).message).toBe('configmap "x" not found');
    await expect(getSecretOrFail(source, 'ns', 'tls')).rejects.toThrow('secret "tls" not found');
  });
  it('passes other errors through', async () => {
    await expect(getSecretOrFail(source, 'ns', 'down')).rejects.toThrow('connect ECONNREFUSED');
  });
  it('decodes base64 secret data', () => {
    expect(decodeSecretData({ k: Buffer.from('v').toString('base64') }).get('k')?.toString()).toBe('v');
    expect(decodeSecretData(undefined).size).toBe(0);
  });
});
