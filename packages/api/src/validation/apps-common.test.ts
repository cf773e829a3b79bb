import { describe, expect, it } from 'vitest';
import { everythingSelector, parseLabelSelector } from '../selectors/index.js';
import { FieldPath } from './field-errors.js';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent, validateReplicatedTemplate } from './apps-common.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('x');

describe('apps helpers', () => {
  it('reads int-or-percent values', () => {
    expect(intOrPercentValue('25%')).toBe(25);
    expect(intOrPercentValue(3)).toBe(3);
    expect(intOrPercentValue('7')).toBe(7);
    expect(intOrPercentValue('abc')).toBe(0);
    expect(strs(validatePositiveIntOrPercent(-1, p))).toEqual(['x: Invalid value: -1: must be greater than or equal to 0']);
    expect(strs(isNotMoreThan100Percent('101%', p))).toEqual(['x: Invalid value: 101%: must not be greater than 100%']);
  });

  it('checks a replicated pod template', () => {
    const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'c', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 } };
    expect(validateReplicatedTemplate(template, parseLabelSelector('app=a'), p, 'ReplicaSet')).toEqual([]);
    expect(validateReplicatedTemplate(template, everythingSelector(), p, 'ReplicaSet')).toEqual([]);
    expect(strs(validateReplicatedTemplate(undefined, everythingSelector(), p, 'ReplicaSet'))).toEqual(['x: Required value']);
  });
});
