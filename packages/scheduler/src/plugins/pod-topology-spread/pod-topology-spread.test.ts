import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { CycleState } from '../../framework/cycle-state.js';
import { PodInfo } from '../../framework/pod-info.js';
import { makeNode, makePod, nodeInfo, testHandle } from '../../testing/builders.js';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, PodTopologySpreadPlugin } from './pod-topology-spread.js';

const foo = (name: string) => makePod(name, { labels: { foo: 'bar' } });

function spreadPod(key: string, when: 'DoNotSchedule' | 'ScheduleAnyway', maxSkew = 1, extra: object = {}): Pod {
  return makePod('incoming', {
    labels: { foo: 'bar' },
    spec: { topologySpreadConstraints: [{ maxSkew, topologyKey: key, whenUnsatisfiable: when, labelSelector: { matchLabels: { foo: 'bar' } }, ...extra }] },
  });
}

function cluster() {
  return [
    nodeInfo(makeNode('n1', { labels: { zone: 'z1' } }), [foo('a'), foo('b'), makePod('other')]),
    nodeInfo(makeNode('n2', { labels: { zone: 'z1' } })),
    nodeInfo(makeNode('n3', { labels: { zone: 'z2' } })),
  ];
}

function filterAll(pod: Pod, nodes = cluster()) {
  const pl = new PodTopologySpreadPlugin(testHandle(nodes));
  const state = new CycleState();
  const pi = new PodInfo(pod);
  const pre = pl.preFilter(state, pi, nodes);
  if (pre.status) return pre.status.code;
  return nodes.map((n) => pl.filter(state, pi, n)?.reasons[0] ?? 'ok');
}

describe('PodTopologySpread filter', () => {
  it('rejects domains that would exceed maxSkew over the global minimum', () => {
    expect(filterAll(spreadPod('zone', 'DoNotSchedule'))).toEqual([ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_CONSTRAINTS_NOT_MATCH, 'ok']);
    expect(filterAll(spreadPod('kubernetes.io/hostname', 'DoNotSchedule'))).toEqual([ERR_REASON_CONSTRAINTS_NOT_MATCH, 'ok', 'ok']);
    expect(filterAll(spreadPod('zone', 'DoNotSchedule', 3))).toEqual(['ok', 'ok', 'ok']);
  });
  it('rejects nodes without the topology label as unresolvable', () => {
    const nodes = [...cluster(), nodeInfo(makeNode('bare'))];
    expect(filterAll(spreadPod('zone', 'DoNotSchedule', 5), nodes)).toEqual(['ok', 'ok', 'ok', ERR_REASON_NODE_LABEL_NOT_MATCH]);
  });
  it('treats the minimum as 0 while fewer domains than minDomains exist', () => {
    const nodes = [nodeInfo(makeNode('n1', { labels: { zone: 'z1' } }), [foo('a')]), nodeInfo(makeNode('n2', { labels: { zone: 'z2' } }), [foo('b')])];
    expect(filterAll(spreadPod('zone', 'DoNotSchedule', 1), nodes)).toEqual(['ok', 'ok']);
    expect(filterAll(spreadPod('zone', 'DoNotSchedule', 1, { minDomains: 3 }), nodes)).toEqual([ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_CONSTRAINTS_NOT_MATCH]);
  });
  it('only counts nodes matching the pod node affinity (nodeAffinityPolicy Honor)', () => {
    const pod = spreadPod('zone', 'DoNotSchedule');
    (pod.spec as NonNullable<Pod['spec']>).nodeSelector = { zone: 'z1' };
    // z2 no longer counts as a domain: the minimum is z1's own count.
    expect(filterAll(pod)).toEqual(['ok', 'ok', 'ok']);
  });
  it('keeps its counts right as pods are virtually added and removed', () => {
    const nodes = cluster();
    const pl = new PodTopologySpreadPlugin(testHandle(nodes));
    const state = new CycleState();
    const pi = new PodInfo(spreadPod('zone', 'DoNotSchedule'));
    pl.preFilter(state, pi, nodes);
    const n3 = nodes[2] as (typeof nodes)[number];
    pl.addPod(state, pi, new PodInfo(foo('x')), n3);
    pl.addPod(state, pi, new PodInfo(foo('y')), n3);
    expect(pl.filter(state, pi, nodes[1] as (typeof nodes)[number])).toBeUndefined();
    const clone = state.clone();
    pl.removePod(clone, pi, new PodInfo(foo('x')), n3);
    expect(pl.filter(clone, pi, nodes[1] as (typeof nodes)[number])?.reasons).toEqual([ERR_REASON_CONSTRAINTS_NOT_MATCH]);
    expect(pl.filter(state, pi, nodes[1] as (typeof nodes)[number])).toBeUndefined();
  });
  it('skips pods without DoNotSchedule constraints', () => {
    expect(filterAll(makePod('p'))).toBe('Skip');
  });
});

function scoreAll(pod: Pod, nodes = cluster(), handleNodes = nodes, spread?: Parameters<typeof testHandle>[1]) {
  const pl = new PodTopologySpreadPlugin(testHandle(handleNodes, spread));
  const state = new CycleState();
  const pi = new PodInfo(pod);
  const st = pl.preScore(state, pi, nodes);
  if (st) return st.code;
  const scores = nodes.map((n) => ({ name: n.name, score: pl.score(state, pi, n) }));
  const raw = scores.map((s) => s.score);
  pl.normalize(state, pi, scores);
  return { raw, normalized: scores.map((s) => s.score) };
}

describe('PodTopologySpread score', () => {
  it('weights matching pods by log(domains + 2) and normalizes fewer to higher', () => {
    const nodes = [
      nodeInfo(makeNode('n1'), [foo('a'), foo('b')]),
      nodeInfo(makeNode('n2'), [foo('c')]),
      nodeInfo(makeNode('n3')),
    ];
    expect(scoreAll(spreadPod('kubernetes.io/hostname', 'ScheduleAnyway'), nodes)).toEqual({ raw: [3, 2, 0], normalized: [0, 33, 100] });
  });
  it('counts zone domains over all nodes and ignores nodes missing a required key', () => {
    const nodes = [...cluster(), nodeInfo(makeNode('bare'))];
    const out = scoreAll(spreadPod('zone', 'ScheduleAnyway'), nodes);
    // z1 holds 2 matching pods, z2 none; 2 domains: weight log(4).
    expect(out).toEqual({ raw: [3, 3, 0, 0], normalized: [0, 0, 100, 0] });
  });
  it('applies the system defaults to pods a Service or ReplicaSet selects', () => {
    const nodes = [nodeInfo(makeNode('n1'), [foo('a'), foo('b')]), nodeInfo(makeNode('n2'))];
    const pod = makePod('incoming', { labels: { foo: 'bar' } });
    expect(scoreAll(pod, nodes)).toBe('Skip');
    const out = scoreAll(pod, nodes, nodes, { spreadSelectors: [{ namespace: 'default', selector: { foo: 'bar' } }] });
    // hostname maxSkew 3: 2 * log(4) + 2 = 4.77 -> 5 and 0 + 2 = 2; no zone labels: not counted.
    expect(out).toEqual({ raw: [5, 2], normalized: [40, 100] });
  });
});
