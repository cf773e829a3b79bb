import type { Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { kubeletExecPath, kubeletPortForwardPath, resolveContainer } from './pod-connect.js';

const pod: Pod = {
  metadata: { name: 'web', namespace: 'default' },
  spec: { containers: [{ name: 'main', image: 'busybox' }, { name: 'side', image: 'busybox' }] },
};

describe('kubeletPortForwardPath', () => {
  it('passes the ports as one comma-separated port parameter, and none when kubectl sends none', () => {
    expect(kubeletPortForwardPath(pod, new URLSearchParams())).toBe('/portForward/default/web');
    expect(kubeletPortForwardPath(pod, new URLSearchParams('ports=80&ports=443'))).toBe('/portForward/default/web?port=80%2C443');
  });
});

describe('kubeletExecPath', () => {
  it('uses the remotecommand parameter names for exec and attach', () => {
    const t = { pod, container: 'main', node: undefined };
    expect(kubeletExecPath('attach', t, new URLSearchParams('stdin=true&stdout=true&stderr=true&tty=false'))).toBe('/attach/default/web/main?input=1&output=1&error=1');
    expect(() => kubeletExecPath('exec', t, new URLSearchParams('stdout=true'))).toThrow('you must specify at least 1 command');
  });
});

describe('resolveContainer', () => {
  it('requires a container name when the pod has several', () => {
    expect(() => resolveContainer(pod, null)).toThrow('a container name must be specified for pod web, choose one of: [main side]');
    expect(resolveContainer(pod, 'side')).toBe('side');
  });
});
