import { describe, expect, it } from 'vitest';
import { goPathError } from './go-path-error.js';

describe('goPathError', () => {
  it('reads like an *os.PathError', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(goPathError('open', '/a/b', enoent).message).toBe('open /a/b: no such file or directory');
    const other = Object.assign(new Error('weird'), { code: 'EWEIRD' });
    expect(goPathError('mkdir', '/x', other).message).toBe('mkdir /x: weird');
  });
});
