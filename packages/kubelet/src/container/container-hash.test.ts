import { describe, expect, it } from 'vitest';
import { containerHash, fnv32a } from './container-hash.js';

describe('fnv32a', () => {
  it('matches the reference vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });
});

describe('containerHash', () => {
  it('is stable and depends on name and image only', () => {
    const a = containerHash({ name: 'web', image: 'nginx:1.27' });
    expect(a).toMatch(/^[0-9a-f]{1,8}$/);
    expect(containerHash({ name: 'web', image: 'nginx:1.27', ...{ args: ['x'] } })).toBe(a);
    expect(containerHash({ name: 'web', image: 'nginx:1.28' })).not.toBe(a);
    expect(containerHash({ name: 'api', image: 'nginx:1.27' })).not.toBe(a);
  });
});
