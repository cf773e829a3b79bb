import { describe, expect, it } from 'vitest';
import { resolveContainerPort } from './resolve-container-port.js';

const container = { ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] };

describe('resolveContainerPort', () => {
  it('takes numbers, named ports and numeric strings', () => {
    expect(resolveContainerPort(80, container)).toBe(80);
    expect(resolveContainerPort('metrics', container)).toBe(9090);
    expect(resolveContainerPort('8443', container)).toBe(8443);
  });
  it('fails as the kubelet does', () => {
    expect(() => resolveContainerPort('web', container)).toThrow('strconv.Atoi: parsing "web": invalid syntax');
    expect(() => resolveContainerPort(0, container)).toThrow('invalid port number: 0');
    expect(() => resolveContainerPort(70000, container)).toThrow('invalid port number: 70000');
  });
});
