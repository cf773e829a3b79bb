import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { validateContainerResourceName, validateContainerResources } from './resource-requirements.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('resources');

describe('resource requirements', () => {
  it.each([
    ['cpu', []],
    ['hugepages-2Mi', []],
    ['example.com/gpu', []],
    ['kubernetes.io/foo', []],
    ['foo', ['r: Invalid value: "foo": must be a standard resource type or fully qualified', 'r: Invalid value: "foo": must be a standard resource for containers']],
  ])('resource name %j', (name, want) => {
    expect(strs(validateContainerResourceName(name, FieldPath.root('r')))).toEqual(want);
  });

  it.each([
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, []],
    [{ limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } }, ['resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi']],
    [{ limits: { 'hugepages-2Mi': '2Mi' } }, ['resources: Forbidden: HugePages require cpu or memory']],
    [{ requests: { cpu: '1x' } }, ['resources.requests[cpu]: Invalid value: "1x": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'']],
    [{ limits: { 'example.com/gpu': '2' }, requests: { 'example.com/gpu': '1' } }, ['resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2']],
  ])('%j', (req, want) => {
    expect(strs(validateContainerResources(req, p))).toEqual(want);
  });
});
