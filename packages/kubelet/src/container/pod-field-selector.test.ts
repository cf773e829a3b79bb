import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { podFieldSelectorRuntimeValue } from './pod-field-selector.js';

const pod: Pod = { metadata: { name: 'p', uid: 'u' }, spec: { containers: [] } };

describe('podFieldSelectorRuntimeValue', () => {
  it('falls back to the kubelet node name and the single IPs', () => {
    const addrs = { nodeName: 'node-a', podIp: '10.0.0.5', hostIp: '172.18.0.3' };
    expect(podFieldSelectorRuntimeValue({ fieldPath: 'spec.nodeName' }, pod, addrs)).toBe('node-a');
    expect(podFieldSelectorRuntimeValue({ fieldPath: 'spec.host' }, pod, addrs)).toBe('node-a');
    expect(podFieldSelectorRuntimeValue({ fieldPath: 'status.podIPs' }, pod, addrs)).toBe('10.0.0.5');
    expect(podFieldSelectorRuntimeValue({ fieldPath: 'status.hostIPs' }, pod, addrs)).toBe('172.18.0.3');
    expect(podFieldSelectorRuntimeValue({ fieldPath: 'metadata.uid', apiVersion: 'v1' }, pod, addrs)).toBe('u');
  });
  it('passes unsupported but valid labels to the metadata extractor', () => {
    const addrs = { nodeName: 'n', podIp: '', hostIp: '' };
    expect(() => podFieldSelectorRuntimeValue({ fieldPath: 'status.phase' }, pod, addrs)).toThrow('unsupported fieldPath: status.phase');
    expect(podFieldSelectorRuntimeValue({ fieldPath: 'status.podIP' }, pod, addrs)).toBe('');
  });
});
