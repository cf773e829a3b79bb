import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { ERR_REASON, NodePortsPlugin, fitsPorts } from './node-ports.js';

function withPorts(name: string, ...ports: { hostPort: number; hostIP?: string; protocol?: string }[]): Pod {
  return makePod(name, { spec: { containers: [{ name: 'c', image: 'x', ports: ports.map((p) => ({ containerPort: 80, ...p })) as never }] } });
}

describe('NodePorts', () => {
  const busy = nodeInfo(makeNode('n'), [withPorts('web', { hostPort: 8080 }), withPorts('dns', { hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' })]);
  it('conflicts on the same protocol and port, with 0.0.0.0 overlapping every IP', () => {
    expect(fitsPorts(new PodInfo(withPorts('a', { hostPort: 8080 })).hostPorts, busy)).toBe(false);
    expect(fitsPorts(new PodInfo(withPorts('a', { hostPort: 8080, hostIP: '10.0.0.2' })).hostPorts, busy)).toBe(false);
    expect(fitsPorts(new PodInfo(withPorts('a', { hostPort: 8080, protocol: 'UDP' })).hostPorts, busy)).toBe(true);
    expect(fitsPorts(new PodInfo(withPorts('a', { hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.2' })).hostPorts, busy)).toBe(true);
    expect(fitsPorts(new PodInfo(withPorts('a', { hostPort: 53, protocol: 'UDP' })).hostPorts, busy)).toBe(false);
  });
  it('frees ports when pods leave', () => {
    const ni = nodeInfo(makeNode('n'), [withPorts('web', { hostPort: 8080 })]);
    ni.removePod(ni.pods[0]?.uid ?? '');
    expect(fitsPorts(new PodInfo(withPorts('a', { hostPort: 8080 })).hostPorts, ni)).toBe(true);
  });
  it('skips pods without host ports and rejects with the upstream reason', () => {
    const pl = new NodePortsPlugin();
    expect(pl.preFilter(new CycleState(), new PodInfo(makePod('p'))).status?.code).toBe('Skip');
    const st = pl.filter(new CycleState(), new PodInfo(withPorts('a', { hostPort: 8080 })), busy);
    expect(st?.code).toBe('Unschedulable');
    expect(st?.reasons).toEqual([ERR_REASON]);
  });
});
