import type { Node } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { nodeValidation } from './node.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const node = (spec: Node['spec'] = {}, status: Node['status'] = {}): Node => ({
  metadata: { name: 'node-1', resourceVersion: '1' },
  spec,
  status,
});

describe('node validation', () => {
  it('accepts a node with capacity', () => {
    expect(strs(nodeValidation.create(node({ podCIDRs: ['10.244.0.0/24'] }, { capacity: { cpu: '4', memory: '8Gi' } })))).toEqual([]);
  });

  it.each<[string, Node, string[]]>([
    ['a namespace', { metadata: { name: 'n', namespace: 'x' } }, ['metadata.namespace: Forbidden: not allowed on this type']],
    [
      'a taint without effect',
      node({ taints: [{ key: 'k', effect: '' }] }),
      ['metadata.taints[0].effect: Required value'],
    ],
    [
      'a duplicate taint',
      node({ taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' }] }),
      ['metadata.taints[1]: Duplicate value: core.Taint{Key:"k", Value:"v", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair'],
    ],
    [
      'an unsupported taint effect',
      node({ taints: [{ key: 'k', effect: 'Never' }] }),
      ['metadata.taints[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'],
    ],
    ['a bad pod CIDR', node({ podCIDRs: ['10.0.0.0/99'] }), ['spec.podCIDRs[0]: Invalid value: "10.0.0.0/99": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['a negative capacity', node({}, { capacity: { cpu: '-1' } }), ['status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0']],
  ])('rejects %s', (_name, n, want) => {
    expect(strs(nodeValidation.create(n))).toEqual(want);
  });

  it('keeps podCIDRs and providerID once set', () => {
    const old = node({ podCIDRs: ['10.244.0.0/24'], providerID: 'kind://a' });
    expect(strs(nodeValidation.update(node({ podCIDRs: ['10.244.1.0/24'], providerID: 'kind://b' }), old))).toEqual([
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
    ]);
    expect(strs(nodeValidation.update(node({ unschedulable: true, podCIDRs: ['10.244.0.0/24'], providerID: 'kind://a' }), old))).toEqual([]);
  });

  it('rejects duplicate addresses in a status update', () => {
    const n = node({}, { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'InternalIP', address: '10.0.0.1' }] });
    expect(strs(nodeValidation.status?.(n, node()) ?? [])).toEqual([
      'status.addresses[1]: Duplicate value: core.NodeAddress{Type:"InternalIP", Address:"10.0.0.1"}',
    ]);
  });
});
