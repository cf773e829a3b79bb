import { describe, expect, it } from 'vitest';
import { CliError, errorChain, exitCodeOf, formatError } from './cli-error.js';

describe('errorChain', () => {
  it('joins causes as Go wraps errors', () => {
    const err = new Error('failed to create cluster', { cause: new Error('network kubelab-x: address in use') });
    expect(errorChain(err)).toBe('failed to create cluster: network kubelab-x: address in use');
  });

  it('does not repeat a cause the message already contains', () => {
    const inner = new Error('boom');
    expect(errorChain(new Error('step failed: boom', { cause: inner }))).toBe('step failed: boom');
  });

  it('keeps the output on one line', () => {
    expect(errorChain(new Error('a\n  b'))).toBe('a b');
  });
});

describe('formatError', () => {
  it('prints one line without -v and the stacks with it', () => {
    const err = new CliError('bad', { exitCode: 3, cause: new Error('why') });
    expect(formatError(err, 0)).toEqual(['ERROR: bad: why']);
    const verbose = formatError(err, 1);
    expect(verbose[0]).toBe('ERROR: bad: why');
    expect(verbose.slice(1).join('\n')).toContain('Error: why');
    expect(exitCodeOf(err)).toBe(3);
    expect(exitCodeOf(new Error('x'))).toBe(1);
  });
});
