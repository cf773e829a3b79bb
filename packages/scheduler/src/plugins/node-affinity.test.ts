import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { ERR_REASON_POD, NodeAffinityPlugin, matchesRequiredAffinity } from './node-affinity.js';

const zoneA = makeNode('a', { labels: { zone: 'a', disk: 'ssd', cores: '8' } });
const zoneB = makeNode('b', { labels: { zone: 'b', cores: '2' } });

function required(...terms: object[]) {
  return makePod('p', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as never } } } } });
}

describe('NodeAffinity filter', () => {
  it('requires every nodeSelector label', () => {
    expect(matchesRequiredAffinity(makePod('p', { nodeSelector: { zone: 'a', disk: 'ssd' } }), zoneA)).toBe(true);
    expect(matchesRequiredAffinity(makePod('p', { nodeSelector: { zone: 'a' } }), zoneB)).toBe(false);
  });
  it('ORs terms and ANDs expressions, with all operators', () => {
    const pod = required(
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'Exists' }] },
      { matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] },
    );
    expect(matchesRequiredAffinity(pod, zoneA)).toBe(true);
    expect(matchesRequiredAffinity(pod, zoneB)).toBe(true);
    const gt = required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }, { key: 'disk', operator: 'DoesNotExist' }] });
    expect(matchesRequiredAffinity(gt, zoneA)).toBe(false);
    const notIn = required({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] });
    expect([zoneA, zoneB].map((n) => matchesRequiredAffinity(notIn, n))).toEqual([false, true]);
  });
  it('treats an empty term as matching nothing, and matchFields on metadata.name', () => {
    expect(matchesRequiredAffinity(required({}), zoneA)).toBe(false);
    const pinned = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] });
    expect([zoneA, zoneB].map((n) => matchesRequiredAffinity(pinned, n))).toEqual([false, true]);
  });
  it('pins a DaemonSet-style pod to its node in PreFilter and rejects others as unresolvable', () => {
    const pl = new NodeAffinityPlugin();
    const pod = new PodInfo(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }));
    const state = new CycleState();
    expect(pl.preFilter(state, pod).result?.nodeNames).toEqual(new Set(['b']));
    const st = pl.filter(state, pod, nodeInfo(zoneA));
    expect(st?.code).toBe('UnschedulableAndUnresolvable');
    expect(st?.reasons).toEqual([ERR_REASON_POD]);
    expect(ERR_REASON_POD).toBe("node(s) didn't match Pod's node affinity/selector");
  });
  it('skips pods without node selection', () => {
    expect(new NodeAffinityPlugin().preFilter(new CycleState(), new PodInfo(makePod('p'))).status?.code).toBe('Skip');
  });
});

describe('NodeAffinity score', () => {
  it('sums matching preferred weights and normalizes to 100', () => {
    const pod = new PodInfo(
      makePod('p', {
        spec: {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 2, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
                { weight: 8, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
                { weight: 5, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } },
              ],
            },
          },
        },
      }),
    );
    const pl = new NodeAffinityPlugin();
    const state = new CycleState();
    expect(pl.preScore(state, pod)).toBeUndefined();
    const scores = [zoneA, zoneB, makeNode('c')].map((n) => ({ name: n.metadata?.name ?? '', score: pl.score(state, pod, nodeInfo(n)) }));
    expect(scores.map((s) => s.score)).toEqual([10, 5, 0]);
    pl.normalize(state, pod, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 50, 0]);
  });
});
