import { describe, expect, it } from 'vitest';
import { encodeChannelStatus, exitCodeStatus, internalErrorStatus } from './remote-command-status.js';

describe('error channel status', () => {
  it('is Success for exit code 0', () => {
    expect(encodeChannelStatus(exitCodeStatus(0, ['true']), 'json').toString()).toBe('{"metadata":{},"status":"Success"}');
  });

  it('carries a non-zero exit code as ServeExec writes it', () => {
    expect(encodeChannelStatus(exitCodeStatus(3, ['sh', '-c', 'exit 3']), 'json').toString()).toBe(
      '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}',
    );
  });

  it('wraps runtime failures as InternalError', () => {
    expect(encodeChannelStatus(internalErrorStatus('error executing command in container: boom'), 'json').toString()).toBe(
      '{"metadata":{},"status":"Failure","message":"Internal error occurred: error executing command in container: boom","reason":"InternalError","details":{"causes":[{"message":"error executing command in container: boom"}]},"code":500}',
    );
  });

  it('writes only the message for the pre-v4 protocols, and nothing on success', () => {
    expect(encodeChannelStatus(exitCodeStatus(0, ['true']), 'text').length).toBe(0);
    expect(encodeChannelStatus(exitCodeStatus(1, ['false']), 'text').toString()).toBe(
      'command terminated with non-zero exit code: error executing command [false], exit code 1',
    );
  });
});
