import { describe, expect, it } from 'vitest';
import { makeSecretPayload } from './secret-volume.js';

const text = (p: Map<string, { data: Buffer; mode: number }>) =>
  Object.fromEntries([...p].map(([k, v]) => [k, [v.data.toString('utf8'), v.mode.toString(8)]]));

describe('makeSecretPayload', () => {
  const data = new Map([['tls.key', Buffer.from('KEY')]]);
  it('projects decoded data, items and the missing-key error', () => {
    expect(text(makeSecretPayload(undefined, data, 0o644, false))).toEqual({ 'tls.key': ['KEY', '644'] });
    expect(text(makeSecretPayload([{ key: 'tls.key', path: 'k', mode: 0o600 }], data, 0o644, false))).toEqual({
      k: ['KEY', '600'],
    });
    expect(() => makeSecretPayload([{ key: 'x', path: 'x' }], data, 0o644, false)).toThrow(
      'references non-existent secret key: x',
    );
    expect(makeSecretPayload([{ key: 'x', path: 'x' }], data, 0o644, true).size).toBe(0);
  });
});
