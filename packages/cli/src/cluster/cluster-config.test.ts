import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from './cluster-config.js';
import { planNodes, validateClusterName } from './node-plan.js';

const HEAD = 'kind: Cluster\napiVersion: kubelab.dev/v1alpha1\n';

describe('parseClusterConfig', () => {
  it('reads names, roles and kubelet settings', () => {
    const c = parseClusterConfig(
      `${HEAD}name: lab\nnodes:\n- role: control-plane\n- role: worker\n  name: node01\n  kubelet:\n    staticPodPath: /etc/just-to-mess-with-you\n`,
      'c.yaml',
    );
    expect(c).toEqual({
      name: 'lab',
      nodes: [{ role: 'control-plane' }, { role: 'worker', name: 'node01', kubelet: { staticPodPath: '/etc/just-to-mess-with-you' } }],
    });
  });

  it('names the file and the field in errors', () => {
    expect(() => parseClusterConfig('kind: Pod\n', 'c.yaml')).toThrow('invalid cluster config "c.yaml": kind: Unsupported value: "Pod": supported values: "Cluster"');
    expect(() => parseClusterConfig(`${HEAD}nodes:\n- role: master\n`, 'c.yaml')).toThrow(
      'nodes[0].role: Unsupported value: "master": supported values: "control-plane", "worker"',
    );
    expect(() => parseClusterConfig(`${HEAD}nodez: []\n`, 'c.yaml')).toThrow('nodez: unknown field');
    expect(() => parseClusterConfig('a: [', 'c.yaml')).toThrow('error converting YAML to JSON');
  });
});

describe('planNodes', () => {
  it('names nodes as kind does', () => {
    expect(planNodes('lab', undefined, 3).map((n) => n.name)).toEqual(['lab-control-plane', 'lab-worker', 'lab-worker2', 'lab-worker3']);
    expect(planNodes('lab', undefined, undefined).map((n) => n.name)).toEqual(['lab-control-plane', 'lab-worker']);
    expect(planNodes('lab', undefined, 0).map((n) => n.role)).toEqual(['control-plane']);
  });

  it('takes names and kubelet settings from the config, control plane first', () => {
    const nodes = planNodes('lab', { nodes: [{ role: 'worker', name: 'node01', kubelet: { staticPodPath: '/x' } }, { role: 'control-plane', name: 'controlplane' }] }, undefined);
    expect(nodes).toEqual([
      { name: 'controlplane', role: 'control-plane', kubelet: {} },
      { name: 'node01', role: 'worker', kubelet: { staticPodPath: '/x' } },
    ]);
  });

  it('rejects what cannot be built', () => {
    expect(() => planNodes('lab', { nodes: [{ role: 'worker' }] }, undefined)).toThrow('exactly one control-plane node');
    expect(() => planNodes('lab', { nodes: [{ role: 'control-plane' }] }, 2)).toThrow('--workers cannot be used');
    expect(() => planNodes('lab', { nodes: [{ role: 'control-plane', name: 'a' }, { role: 'worker', name: 'a' }] }, undefined)).toThrow('duplicate node name "a"');
    expect(() => planNodes('lab', { nodes: [{ role: 'control-plane', name: 'Bad_Name' }] }, undefined)).toThrow('invalid node name "Bad_Name"');
    expect(() => planNodes('lab', undefined, -1)).toThrow('invalid --workers -1');
    expect(() => validateClusterName('Bad')).toThrow("'Bad' is not a valid cluster name");
  });
});
