import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { validateEnv, validateEnvFrom } from './container-env.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('env');

describe('validateEnv', () => {
  it.each([
    [[{ name: 'A', value: '1' }], []],
    [[{ name: '' }], ['env[0].name: Required value']],
    [[{ name: 'A', valueFrom: {} }], ['env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']],
    [
      [{ name: 'A', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      ['env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
    ],
    [[{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: '' } } }], ['env[0].valueFrom.secretKeyRef.key: Required value']],
    [[{ name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } }], []],
    [
      [{ name: 'A', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } }],
      ['env[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2'],
    ],
    [
      [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1k' } } }],
      ['env[0].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource'],
    ],
  ])('%j', (vars, want) => {
    expect(strs(validateEnv(vars, p))).toEqual(want);
  });
});

describe('validateEnvFrom', () => {
  it('requires exactly one source', () => {
    expect(validateEnvFrom([{ configMapRef: { name: 'c' } }], FieldPath.root('envFrom'))).toEqual([]);
    expect(strs(validateEnvFrom([{}], FieldPath.root('envFrom')))).toEqual([
      'envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
    ]);
  });
});
