import { describe, expect, it } from 'vitest';
import { configMapPrinter } from './config-map.js';
import { leasePrinter } from './lease.js';
import { namespacePrinter } from './namespace.js';
import { secretPrinter } from './secret.js';
import { serviceAccountPrinter } from './service-account.js';
import { DAY, HOUR, MINUTE, NOW, SECOND, ago } from './test-time.js';

const names = (cols: readonly { name: string }[]) => cols.map((c) => c.name);

describe('namespace printer', () => {
  it.each([
    ['active', { phase: 'Active' }, ago(45 * SECOND), ['default', 'Active', '45s']],
    ['terminating', { phase: 'Terminating' }, ago(3 * HOUR + 20 * MINUTE), ['default', 'Terminating', '3h20m']],
    ['phase defaulted to Active', undefined, ago(15 * MINUTE), ['default', 'Active', '15m']],
    ['no creation timestamp', { phase: 'Active' }, undefined, ['default', 'Active', '<unknown>']],
  ])('%s', (_name, status, created, want) => {
    const ns = { metadata: { name: 'default', creationTimestamp: created }, status };
    expect(namespacePrinter.print(ns, NOW).cells).toEqual(want);
  });

  it('has NAME STATUS AGE', () => {
    expect(names(namespacePrinter.columns)).toEqual(['Name', 'Status', 'Age']);
  });
});

describe('configmap printer', () => {
  it.each([
    ['data and binaryData counted together', { a: '1', b: '2' }, { c: 'AA==' }, 3],
    ['empty', undefined, undefined, 0],
  ])('%s', (_name, data, binaryData, count) => {
    const cm = { metadata: { name: 'kube-root-ca.crt', creationTimestamp: ago(2 * DAY) }, data, binaryData };
    expect(configMapPrinter.print(cm, NOW).cells).toEqual(['kube-root-ca.crt', count, '2d']);
  });

  it('has NAME DATA AGE', () => {
    expect(names(configMapPrinter.columns)).toEqual(['Name', 'Data', 'Age']);
  });
});

describe('secret printer', () => {
  it.each([
    ['opaque', 'Opaque', { user: 'YQ==', pass: 'Yg==' }, undefined, ['creds', 'Opaque', 2, '5m']],
    ['tls', 'kubernetes.io/tls', { 'tls.crt': 'Yw==', 'tls.key': 'aw==' }, undefined, ['creds', 'kubernetes.io/tls', 2, '5m']],
    ['type defaulted to Opaque', undefined, undefined, undefined, ['creds', 'Opaque', 0, '5m']],
    ['stringData merged into data', 'Opaque', { user: 'YQ==' }, { user: 'a', token: 't' }, ['creds', 'Opaque', 2, '5m']],
  ])('%s', (_name, type, data, stringData, want) => {
    const secret = { metadata: { name: 'creds', creationTimestamp: ago(5 * MINUTE) }, type, data, stringData };
    expect(secretPrinter.print(secret, NOW).cells).toEqual(want);
  });

  it('has NAME TYPE DATA AGE', () => {
    expect(names(secretPrinter.columns)).toEqual(['Name', 'Type', 'Data', 'Age']);
  });
});

describe('serviceaccount printer', () => {
  it.each([
    ['no secrets', undefined, 0],
    ['one secret', [{ name: 'default-token' }], 1],
  ])('%s', (_name, secrets, count) => {
    const sa = { metadata: { name: 'default', creationTimestamp: ago(8 * DAY) }, secrets };
    expect(serviceAccountPrinter.print(sa, NOW).cells).toEqual(['default', count, '8d']);
  });

  it('has NAME SECRETS AGE', () => {
    expect(names(serviceAccountPrinter.columns)).toEqual(['Name', 'Secrets', 'Age']);
  });
});

describe('lease printer', () => {
  it.each([
    ['held', { holderIdentity: 'node-1', leaseDurationSeconds: 40 }, 'node-1'],
    ['unheld', {}, ''],
  ])('%s', (_name, spec, holder) => {
    const lease = { metadata: { name: 'node-1', creationTimestamp: ago(2 * MINUTE + 5 * SECOND) }, spec };
    expect(leasePrinter.print(lease, NOW).cells).toEqual(['node-1', holder, '2m5s']);
  });

  it('has NAME HOLDER AGE', () => {
    expect(names(leasePrinter.columns)).toEqual(['Name', 'Holder', 'Age']);
  });
});
