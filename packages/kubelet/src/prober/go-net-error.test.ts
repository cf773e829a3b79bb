import { describe, expect, it } from 'vitest';
import { dialErrorMessage, goDurationSeconds, httpClientErrorMessage, joinHostPort, ProbeTimeoutError } from './go-net-error.js';

const errno = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('go net errors', () => {
  it('joins hosts and ports as net.JoinHostPort', () => {
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
    expect(joinHostPort('fd00::1', 80)).toBe('[fd00::1]:80');
  });

  it('words dial errors as net.OpError', () => {
    expect(dialErrorMessage('10.0.0.1:80', '10.0.0.1', errno('ECONNREFUSED'))).toBe('dial tcp 10.0.0.1:80: connect: connection refused');
    expect(dialErrorMessage('10.0.0.1:80', '10.0.0.1', new ProbeTimeoutError())).toBe('dial tcp 10.0.0.1:80: i/o timeout');
    expect(dialErrorMessage('db:5432', 'db', errno('ENOTFOUND'))).toBe('dial tcp: lookup db: no such host');
  });

  it('words client errors as *url.Error', () => {
    const ctx = { url: 'http://10.0.0.1:8080/healthz', addr: '10.0.0.1:8080', host: '10.0.0.1', connected: false, gotHeaders: false };
    expect(httpClientErrorMessage(ctx, errno('ECONNREFUSED'))).toBe(
      'Get "http://10.0.0.1:8080/healthz": dial tcp 10.0.0.1:8080: connect: connection refused',
    );
    expect(httpClientErrorMessage({ ...ctx, connected: true }, new ProbeTimeoutError())).toBe(
      'Get "http://10.0.0.1:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    );
    expect(httpClientErrorMessage({ ...ctx, connected: true }, errno('ECONNRESET', 'socket hang up'))).toBe(
      'Get "http://10.0.0.1:8080/healthz": EOF',
    );
    expect(httpClientErrorMessage({ ...ctx, connected: true, localAddr: '10.0.0.9:40000' }, errno('ECONNRESET'))).toBe(
      'Get "http://10.0.0.1:8080/healthz": read tcp 10.0.0.9:40000->10.0.0.1:8080: read: connection reset by peer',
    );
    expect(httpClientErrorMessage({ ...ctx, connected: true }, errno('EPROTO'))).toBe(
      'Get "http://10.0.0.1:8080/healthz": http: server gave HTTP response to HTTPS client',
    );
  });

  it('prints durations as time.Duration', () => {
    expect(goDurationSeconds(1)).toBe('1s');
    expect(goDurationSeconds(90)).toBe('1m30s');
    expect(goDurationSeconds(3600)).toBe('1h0m0s');
  });
});
