import type { Container } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultContainer } from './container.js';

describe('defaultContainer', () => {
  it('defaults lifecycle http handlers and startup probes', () => {
    const c: Container = {
      name: 'a',
      image: 'a:1',
      startupProbe: { tcpSocket: { port: 80 }, failureThreshold: 30 },
      lifecycle: { preStop: { httpGet: { port: 8080 } } },
    };
    defaultContainer(c);
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 80 }, failureThreshold: 30, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1 });
    expect(c.lifecycle?.preStop?.httpGet).toEqual({ port: 8080, path: '/', scheme: 'HTTP' });
  });
});
