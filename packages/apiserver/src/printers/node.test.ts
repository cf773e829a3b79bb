import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition } from '@kubelab/api';
import { findNodeRoles, nodePrinter } from './node.js';
import { DAY, NOW, ago } from './test-time.js';

function node(opts: { conditions?: NodeCondition[]; unschedulable?: boolean; labels?: Record<string, string> }): Node {
  return {
    metadata: { name: 'node-1', labels: opts.labels, creationTimestamp: ago(120 * DAY) },
    spec: { unschedulable: opts.unschedulable },
    status: {
      conditions: opts.conditions,
      addresses: [
        { type: 'Hostname', address: 'node-1' },
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'InternalIP', address: '172.18.0.3' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.18',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.32.0',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}
const ready = (status: string): NodeCondition => ({ type: 'Ready', status });
const pressure: NodeCondition = { type: 'MemoryPressure', status: 'False' };

describe('node printer', () => {
  it.each<[string, Parameters<typeof node>[0], string]>([
    ['ready', { conditions: [pressure, ready('True')] }, 'Ready'],
    ['not ready', { conditions: [ready('False')] }, 'NotReady'],
    ['ready unknown', { conditions: [ready('Unknown')] }, 'NotReady'],
    ['no Ready condition', { conditions: [pressure] }, 'Unknown'],
    ['cordoned', { conditions: [ready('True')], unschedulable: true }, 'Ready,SchedulingDisabled'],
    ['cordoned without conditions', { unschedulable: true }, 'Unknown,SchedulingDisabled'],
    ['the last Ready condition wins', { conditions: [ready('True'), ready('False')] }, 'NotReady'],
  ])('STATUS when %s', (_name, opts, want) => {
    expect(nodePrinter.print(node(opts), NOW).cells[1]).toBe(want);
  });

  it.each<[string, Record<string, string> | undefined, string[]]>([
    ['no labels', undefined, []],
    ['control plane', { 'node-role.kubernetes.io/control-plane': '' }, ['control-plane']],
    [
      'several roles sorted and deduplicated',
      { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'ingress', 'node-role.kubernetes.io/ingress': 'x' },
      ['ingress', 'worker'],
    ],
    ['empty role suffix and empty kubernetes.io/role ignored', { 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' }, []],
  ])('roles: %s', (_name, labels, want) => {
    expect(findNodeRoles(node({ labels }))).toEqual(want);
  });

  it('prints the full wide row', () => {
    const n = node({ conditions: [ready('True')], labels: { 'node-role.kubernetes.io/control-plane': '' } });
    expect(nodePrinter.print(n, NOW).cells).toEqual([
      'node-1',
      'Ready',
      'control-plane',
      '120d',
      'v1.32.0',
      '172.18.0.2',
      '<none>',
      'Debian GNU/Linux 12 (bookworm)',
      '6.8.0-45-generic',
      'containerd://1.7.18',
    ]);
  });

  it('prints <none> roles and <unknown> system info when missing', () => {
    const n: Node = { metadata: { name: 'bare' } };
    expect(nodePrinter.print(n, NOW).cells).toEqual([
      'bare', 'Unknown', '<none>', '<unknown>', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>',
    ]);
  });

  it('has the upstream columns', () => {
    expect(nodePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Roles:0', 'Age:0', 'Version:0',
      'Internal-IP:1', 'External-IP:1', 'OS-Image:1', 'Kernel-Version:1', 'Container-Runtime:1',
    ]);
  });
});
