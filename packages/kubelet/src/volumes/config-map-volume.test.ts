import { describe, expect, it } from 'vitest';
import { makeConfigMapPayload } from './config-map-volume.js';

const text = (p: Map<string, { data: Buffer; mode: number }>) =>
  Object.fromEntries([...p].map(([k, v]) => [k, [v.data.toString('utf8'), v.mode.toString(8)]]));

describe('makeConfigMapPayload', () => {
  const cm = { data: { 'app.conf': 'a=1', other: 'o' }, binaryData: { 'logo.bin': Buffer.from('PNG').toString('base64') } };

  it('projects every data and binaryData key with the default mode', () => {
    expect(text(makeConfigMapPayload(undefined, cm, 0o644, false))).toEqual({
      'app.conf': ['a=1', '644'],
      other: ['o', '644'],
      'logo.bin': ['PNG', '644'],
    });
  });

  it('projects only listed items, at their paths and modes', () => {
    const items = [
      { key: 'app.conf', path: 'conf/app.conf', mode: 0o400 },
      { key: 'logo.bin', path: 'logo' },
    ];
    expect(text(makeConfigMapPayload(items, cm, 0o640, false))).toEqual({
      'conf/app.conf': ['a=1', '400'],
      logo: ['PNG', '640'],
    });
  });

  it('fails on a missing key unless optional', () => {
    const items = [{ key: 'nope', path: 'x' }];
    expect(() => makeConfigMapPayload(items, cm, 0o644, false)).toThrow('configmap references non-existent config key: nope');
    expect(makeConfigMapPayload(items, cm, 0o644, true).size).toBe(0);
  });
});
