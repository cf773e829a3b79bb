import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

describe('scheduling constraints', () => {
  it('validates toleration operators and effects', () => {
    const p = FieldPath.root('tolerations');
    expect(validateTolerations([{ operator: 'Exists' }, { key: 'k', value: 'v', effect: 'NoSchedule' }], p)).toEqual([]);
    expect(strs(validateTolerations([{ key: 'k', operator: 'Exists', value: 'v' }], p))).toEqual([
      "tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
    ]);
    expect(strs(validateTolerations([{ key: 'k', operator: 'Like' }], p))).toEqual([
      'tolerations[0].operator: Unsupported value: "Like": supported values: "Equal", "Exists"',
    ]);
  });

  it('validates node affinity terms and weights', () => {
    const p = FieldPath.root('affinity');
    expect(
      strs(
        validateAffinity(
          {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }] }] },
              preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }],
            },
          },
          p,
        ),
      ),
    ).toEqual([
      "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ]);
  });

  it('validates topology spread constraints', () => {
    const p = FieldPath.root('tsc');
    const c = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' };
    expect(strs(validateTopologySpreadConstraints([c, { ...c, maxSkew: 0 }], p))).toEqual([
      'tsc[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
      'tsc[1].maxSkew: Invalid value: 0: must be greater than zero',
    ]);
  });
});
