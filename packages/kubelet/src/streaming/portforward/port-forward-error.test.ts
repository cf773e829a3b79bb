import { describe, expect, it } from 'vitest';
import { encodeGoJson, portForwardErrorResponse } from './port-forward-error.js';

const target = { podName: 'f00d', uid: '', port: 8080 };

describe('portForwardErrorResponse', () => {
  it('asks the client to close the connection unless the pod reset it or stopped reading', () => {
    expect(portForwardErrorResponse(new Error('dial tcp 10.244.0.5:8080: connect: connection refused'), target)).toEqual({
      closeConnection: true,
      message: 'error forwarding port 8080 to pod f00d, uid : dial tcp 10.244.0.5:8080: connect: connection refused',
    });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(portForwardErrorResponse(reset, target)).toEqual({ message: 'error forwarding port 8080 to pod f00d, uid : read ECONNRESET' });
    const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(portForwardErrorResponse(pipe, target).closeConnection).toBeUndefined();
  });
});

describe('encodeGoJson', () => {
  it('writes what json.Encoder writes: HTML-safe escapes and a newline', () => {
    expect(encodeGoJson({ closeConnection: true, message: 'a <b> & c' })).toBe('{"closeConnection":true,"message":"a \\u003cb\\u003e \\u0026 c"}\n');
  });
});
