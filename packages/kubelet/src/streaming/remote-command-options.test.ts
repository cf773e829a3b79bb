import { describe, expect, it } from 'vitest';
import { parseRemoteCommandOptions } from './remote-command-options.js';

const parse = (q: string) => parseRemoteCommandOptions(new URLSearchParams(q));

describe('parseRemoteCommandOptions', () => {
  it('reads the kubelet parameter names with "1"', () => {
    expect(parse('command=ls&input=1&output=1&error=1')).toEqual({ stdin: true, stdout: true, stderr: true, tty: false });
  });

  it('accepts the apiserver spelling with "true"', () => {
    expect(parse('stdin=true&stdout=true&stderr=true')).toEqual({ stdin: true, stdout: true, stderr: true, tty: false });
  });

  it('drops stderr with a terminal', () => {
    expect(parse('input=1&output=1&error=1&tty=1')).toEqual({ stdin: true, stdout: true, stderr: false, tty: true });
  });

  it('needs at least one stream', () => {
    expect(parse('tty=1&error=1')).toBe('you must specify at least 1 of stdin, stdout, stderr');
    expect(parse('output=0')).toBe('you must specify at least 1 of stdin, stdout, stderr');
  });
});
