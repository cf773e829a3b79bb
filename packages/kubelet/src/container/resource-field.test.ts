import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '@kubelab/api';
import { extractContainerResourceValue, extractResourceValue, withDefaultLimits } from './resource-field.js';

const container: Container = {
  name: 'app',
  image: 'busybox',
  resources: {
    limits: { cpu: '500m', memory: '64Mi' },
    requests: { cpu: '250m', memory: '32Mi' },
  },
};
const pod: Pod = {
  metadata: { name: 'p' },
  spec: { containers: [container, { name: 'bare', image: 'busybox' }] },
};
const allocatable = { cpu: '4', memory: '8Gi', 'ephemeral-storage': '100Gi' };

describe('extractContainerResourceValue', () => {
  it('rounds cpu up to whole cores by default and to millicores with divisor 1m', () => {
    expect(extractContainerResourceValue({ resource: 'limits.cpu' }, container)).toBe('1');
    expect(extractContainerResourceValue({ resource: 'limits.cpu', divisor: '1m' }, container)).toBe('500');
    expect(extractContainerResourceValue({ resource: 'requests.cpu', divisor: '1m' }, container)).toBe('250');
  });
  it('divides memory by the divisor, rounding up', () => {
    expect(extractContainerResourceValue({ resource: 'limits.memory' }, container)).toBe('67108864');
    expect(extractContainerResourceValue({ resource: 'limits.memory', divisor: '1Mi' }, container)).toBe('64');
    expect(extractContainerResourceValue({ resource: 'requests.memory', divisor: '1Gi' }, container)).toBe('1');
  });
  it('treats a zero divisor as 1 and reports unknown resources', () => {
    expect(extractContainerResourceValue({ resource: 'limits.cpu', divisor: '0' }, container)).toBe('1');
    expect(() => extractContainerResourceValue({ resource: 'limits.gpu' }, container)).toThrow(
      'unsupported container resource : limits.gpu',
    );
  });
});

describe('defaults from node allocatable', () => {
  it('fills unset limits, keeps set ones', () => {
    const merged = withDefaultLimits({ name: 'x', resources: { limits: { cpu: '1' } } }, allocatable);
    expect(merged.resources?.limits).toEqual({ cpu: '1', memory: '8Gi', 'ephemeral-storage': '100Gi' });
  });
  it('uses allocatable for a container without limits, requests stay zero', () => {
    expect(extractResourceValue({ containerName: 'bare', resource: 'limits.cpu' }, pod, { allocatable })).toBe('4');
    expect(
      extractResourceValue({ containerName: 'bare', resource: 'limits.memory', divisor: '1Gi' }, pod, { allocatable }),
    ).toBe('8');
    expect(extractResourceValue({ containerName: 'bare', resource: 'requests.cpu' }, pod, { allocatable })).toBe('0');
  });
  it('names a missing container as upstream', () => {
    expect(() => extractResourceValue({ containerName: 'ghost', resource: 'limits.cpu' }, pod, { allocatable })).toThrow(
      'container ghost not found',
    );
  });
});
