import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { CycleState } from '../../framework/cycle-state.js';
import type { NodeInfo } from '../../framework/node-info.js';
import { PodInfo } from '../../framework/pod-info.js';
import { makeNode, makePod, nodeInfo, testHandle } from '../../testing/builders.js';
import {
  ERR_REASON_AFFINITY,
  ERR_REASON_ANTI_AFFINITY,
  ERR_REASON_EXISTING_ANTI_AFFINITY,
  InterPodAffinityPlugin,
} from './inter-pod-affinity.js';

type Affinity = NonNullable<NonNullable<Pod['spec']>['affinity']>;
const term = (app: string, topologyKey: string, extra: object = {}) => ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra });
const podWith = (name: string, labels: Record<string, string>, affinity?: Affinity, namespace = 'default') =>
  makePod(name, { labels, namespace, ...(affinity ? { spec: { affinity } } : {}) });

function cluster(extra: Pod[] = []): NodeInfo[] {
  return [
    nodeInfo(makeNode('a1', { labels: { zone: 'a' } }), [podWith('db', { app: 'db' }), ...extra]),
    nodeInfo(makeNode('a2', { labels: { zone: 'a' } })),
    nodeInfo(makeNode('b1', { labels: { zone: 'b' } }), [podWith('web', { app: 'web' })]),
  ];
}

function filterAll(pod: Pod, nodes = cluster(), namespaces?: Record<string, Record<string, string>>) {
  const pl = new InterPodAffinityPlugin(testHandle(nodes, namespaces ? { namespaces } : {}));
  const state = new CycleState();
  const pi = new PodInfo(pod);
  const pre = pl.preFilter(state, pi, nodes);
  if (pre.status) return pre.status.code;
  return nodes.map((n) => {
    const st = pl.filter(state, pi, n);
    return st ? `${st.code}: ${st.reasons[0] ?? ''}` : 'ok';
  });
}

describe('InterPodAffinity filter', () => {
  it('requires a matching pod in the same topology domain', () => {
    const pod = podWith('p', { app: 'api' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', 'zone')] } });
    expect(filterAll(pod)).toEqual(['ok', 'ok', `UnschedulableAndUnresolvable: ${ERR_REASON_AFFINITY}`]);
  });
  it('lets the first pod of a group with affinity to itself go anywhere', () => {
    const pod = podWith('p', { app: 'cache' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache', 'zone')] } });
    expect(filterAll(pod)).toEqual(['ok', 'ok', 'ok']);
  });
  it('keeps pods away from domains with pods they are anti-affine to', () => {
    const pod = podWith('p', { app: 'web' }, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', 'kubernetes.io/hostname')] } });
    expect(filterAll(pod)).toEqual(['ok', 'ok', `Unschedulable: ${ERR_REASON_ANTI_AFFINITY}`]);
  });
  it("honours existing pods' anti-affinity towards the incoming pod", () => {
    const guard = podWith('guard', { app: 'guard' }, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', 'zone')] } });
    expect(filterAll(podWith('p', { app: 'web' }), cluster([guard]))).toEqual([
      `Unschedulable: ${ERR_REASON_EXISTING_ANTI_AFFINITY}`,
      `Unschedulable: ${ERR_REASON_EXISTING_ANTI_AFFINITY}`,
      'ok',
    ]);
  });
  it('looks for matches in the namespaces the term names or selects', () => {
    const other = podWith('p', { app: 'api' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', 'zone', { namespaces: ['prod'] })] } });
    expect(filterAll(other)).toEqual([`UnschedulableAndUnresolvable: ${ERR_REASON_AFFINITY}`, `UnschedulableAndUnresolvable: ${ERR_REASON_AFFINITY}`, `UnschedulableAndUnresolvable: ${ERR_REASON_AFFINITY}`]);
    const selected = podWith('p', { app: 'api' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', 'zone', { namespaceSelector: { matchLabels: { team: 'x' } } })] } }, 'prod');
    expect(filterAll(selected, cluster(), { default: { team: 'x' }, prod: {} })).toEqual(['ok', 'ok', `UnschedulableAndUnresolvable: ${ERR_REASON_AFFINITY}`]);
  });
  it('skips pods without affinity when no existing pod has required anti-affinity', () => {
    expect(filterAll(podWith('p', { app: 'x' }))).toBe('Skip');
  });
});

describe('InterPodAffinity score', () => {
  function scoreAll(pod: Pod, nodes = cluster()) {
    const pl = new InterPodAffinityPlugin(testHandle(nodes));
    const state = new CycleState();
    const pi = new PodInfo(pod);
    if (pl.preScore(state, pi)) return 'Skip';
    const scores = nodes.map((n) => ({ name: n.name, score: pl.score(state, pi, n) }));
    pl.normalize(state, pi, scores);
    return scores.map((s) => s.score);
  }
  it('prefers domains with pods of preferred affinity and avoids anti-affine ones', () => {
    const near = podWith('p', {}, { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db', 'zone') }] } });
    expect(scoreAll(near)).toEqual([100, 100, 0]);
    const away = podWith('p', {}, { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('web', 'zone') }] } });
    expect(scoreAll(away)).toEqual([100, 100, 0]);
  });
  it("counts existing pods' required affinity towards the incoming pod with weight 1", () => {
    const follower = podWith('f', { app: 'f' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('leader', 'zone')] } });
    const nodes = cluster([follower]);
    expect(scoreAll(podWith('p', { app: 'leader' }), nodes)).toEqual([100, 100, 0]);
    expect(scoreAll(podWith('p', { app: 'nobody' }), nodes)).toBe('Skip');
  });
});
