import { describe, expect, it } from 'vitest';
import { noScheduleTaintDiff, swapTaints } from './condition-taints.js';
import { computeZoneState, disruptionTransition, type ZoneState } from './zone-state.js';

const c = (status: string) => ({ type: 'Ready', status });

describe('zones and disruption', () => {
  it('calls a zone fully disrupted when no node is Ready', () => {
    expect(computeZoneState([c('Unknown'), c('False')], 0.55).state).toBe('FullDisruption');
    expect(computeZoneState([c('True'), c('Unknown')], 0.55).state).toBe('Normal');
    expect(
      computeZoneState([c('True'), c('Unknown'), c('Unknown'), c('Unknown')], 0.55).state,
    ).toBe('PartialDisruption');
  });

  it('enters and exits master disruption mode', () => {
    const m = (s: ZoneState) => new Map([['', s]]);
    expect(disruptionTransition(m('Normal'), m('FullDisruption'))).toEqual({
      kind: 'enterFullDisruption',
    });
    expect(disruptionTransition(new Map(), m('FullDisruption'))).toEqual({
      kind: 'enterFullDisruption',
    });
    expect(disruptionTransition(m('FullDisruption'), m('FullDisruption'))).toEqual({
      kind: 'none',
    });
    expect(disruptionTransition(m('FullDisruption'), m('Normal')).kind).toBe('exitFullDisruption');
  });
});

describe('condition taints', () => {
  it('mirrors conditions as NoSchedule taints and drops the not-ready taint of a Ready node', () => {
    const node = {
      spec: {
        unschedulable: true,
        taints: [
          { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
          { key: 'dedicated', effect: 'NoSchedule' },
        ],
      },
      status: { conditions: [c('True'), { type: 'DiskPressure', status: 'True' }] },
    };
    expect(noScheduleTaintDiff(node)).toEqual({
      add: [
        { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      ],
      remove: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
    expect(noScheduleTaintDiff({ status: { conditions: [c('Unknown')] } }).add).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
  });

  it('swaps taints, stamping timeAdded on the new ones', () => {
    const out = swapTaints(
      [
        { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
        { key: 'x', effect: 'NoSchedule' },
      ],
      [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
      [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
      'T',
    );
    expect(out).toEqual([
      { key: 'x', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: 'T' },
    ]);
  });
});
