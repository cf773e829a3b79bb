import type { Volume } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultVolume } from './volumes.js';

describe('defaultVolume', () => {
  it('defaults downward API modes and field API versions, keeping explicit modes', () => {
    const v: Volume = { name: 'd', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } };
    defaultVolume(v);
    expect(v.downwardAPI).toEqual({ defaultMode: 420, items: [{ path: 'n', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }] });
    const s: Volume = { name: 's', secret: { secretName: 'x', defaultMode: 0o400 } };
    defaultVolume(s);
    expect(s.secret?.defaultMode).toBe(256);
  });
});
