import { describe, expect, it } from 'vitest';
import { selectableFields } from './selectable-fields.js';

describe('selectableFields', () => {
  it('exposes the pod fields upstream selects on', () => {
    const pod = {
      metadata: { name: 'web', namespace: 'default' },
      spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', hostNetwork: true },
      status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }] },
    };
    expect(selectableFields('', 'Pod', pod)).toEqual({
      'metadata.name': 'web',
      'metadata.namespace': 'default',
      'spec.nodeName': 'n1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': '',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.5',
      'status.nominatedNodeName': '',
    });
  });

  it('falls back from source.component to reportingComponent for events', () => {
    const ev = {
      metadata: { name: 'e', namespace: 'ns' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'ns', uid: 'u1' },
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      type: 'Normal',
    };
    const f = selectableFields('', 'Event', ev);
    expect(f['source']).toBe('default-scheduler');
    expect(f['involvedObject.uid']).toBe('u1');
    expect(f['involvedObject.fieldPath']).toBe('');
  });

  it.each([
    ['', 'Node', { metadata: { name: 'n1' }, spec: { unschedulable: true } }, { 'metadata.name': 'n1', 'spec.unschedulable': 'true' }],
    ['', 'Node', { metadata: { name: 'n1' } }, { 'metadata.name': 'n1', 'spec.unschedulable': 'false' }],
    ['', 'Namespace', { metadata: { name: 'ns' }, status: { phase: 'Active' } }, { 'metadata.name': 'ns', 'status.phase': 'Active', name: 'ns' }],
    ['', 'Secret', { metadata: { name: 's', namespace: 'd' }, type: 'Opaque' }, { 'metadata.name': 's', 'metadata.namespace': 'd', type: 'Opaque' }],
    ['apps', 'ReplicaSet', { metadata: { name: 'r', namespace: 'd' }, status: { replicas: 3 } }, { 'metadata.name': 'r', 'metadata.namespace': 'd', 'status.replicas': '3' }],
    ['batch', 'Job', { metadata: { name: 'j', namespace: 'd' } }, { 'metadata.name': 'j', 'metadata.namespace': 'd', 'status.successful': '0' }],
    ['', 'ConfigMap', { metadata: { name: 'c', namespace: 'd' } }, { 'metadata.name': 'c', 'metadata.namespace': 'd' }],
  ])('%s/%s', (group, kind, obj, want) => {
    expect(selectableFields(group, kind, obj)).toEqual(want);
  });
});
