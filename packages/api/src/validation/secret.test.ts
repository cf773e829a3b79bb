import type { Secret } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { secretValidation } from './secret.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const secret = (extra: Partial<Secret> = {}): Secret => ({
  metadata: { name: 'creds', namespace: 'default', resourceVersion: '1' },
  type: 'Opaque',
  ...extra,
});

describe('secret validation', () => {
  it.each<[string, Partial<Secret>, string[]]>([
    ['valid data', { data: { 'user.name': b64('me') } }, []],
    [
      'a bad key',
      { data: { 'a b': b64('x') } },
      [
        "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    ],
    ['too much data', { data: { big: Buffer.alloc(1024 * 1024 + 1).toString('base64') } }, ['data: Too long: may not be more than 1048576 bytes']],
    ['a tls secret without a key', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') } }, ['data[tls.key]: Required value']],
    [
      'a service account token without the annotation',
      { type: 'kubernetes.io/service-account-token' },
      ['metadata.annotations[kubernetes.io/service-account.name]: Required value'],
    ],
    ['a dockerconfigjson that is not JSON', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{') } }, [expect.stringMatching(/^data\[\.dockerconfigjson\]: Invalid value: "<secret contents redacted>": /)]],
    ['stringData keys', { stringData: { '..': 'x' } }, ["data[..]: Invalid value: \"..\": must not be '..'"]],
  ])('%s', (_name, extra, want) => {
    expect(strs(secretValidation.create(secret(extra)))).toEqual(want);
  });

  it('keeps the type and immutable data fixed', () => {
    expect(strs(secretValidation.update(secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' } }), secret()))).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    ]);
    const old = secret({ immutable: true, data: { a: b64('1') } });
    expect(strs(secretValidation.update(secret({ immutable: true, data: { a: b64('2') } }), old))).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
