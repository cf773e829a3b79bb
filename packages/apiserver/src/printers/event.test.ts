import { describe, expect, it } from 'vitest';
import type { Event } from '@kubelab/api';
import { eventPrinter } from './event.js';
import { MINUTE, NOW, SECOND, ago } from './test-time.js';

function event(extra: Partial<Event>): Event {
  return {
    metadata: { name: 'web.17f3a2b1c0d9e8f7', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled',
    message: 'Container image "nginx:1.27" already present on machine\n',
    type: 'Normal',
    source: { component: 'kubelet', host: 'node-1' },
    ...extra,
  };
}

describe('event printer', () => {
  it.each<[string, Partial<Event>, unknown[]]>([
    [
      'legacy event with first/last timestamps and count',
      { firstTimestamp: ago(10 * MINUTE), lastTimestamp: ago(45 * SECOND), count: 4 },
      ['45s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node-1',
        'Container image "nginx:1.27" already present on machine', '10m', 4, 'web.17f3a2b1c0d9e8f7'],
    ],
    [
      'new-style event: eventTime only, no count, reporting controller as source',
      { eventTime: '2025-03-01T11:57:59.500123Z', source: undefined, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp' },
      ['2m', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'default-scheduler, default-scheduler-cp',
        'Container image "nginx:1.27" already present on machine', '2m', 1, 'web.17f3a2b1c0d9e8f7'],
    ],
    [
      'series event: last seen and count from the series',
      { eventTime: ago(30 * MINUTE), count: 1, series: { count: 12, lastObservedTime: '2025-03-01T11:55:00.000000Z' } },
      ['5m', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node-1',
        'Container image "nginx:1.27" already present on machine', '30m', 12, 'web.17f3a2b1c0d9e8f7'],
    ],
    [
      'no timestamps at all',
      { source: { component: 'kubelet' } },
      ['<unknown>', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet',
        'Container image "nginx:1.27" already present on machine', '<unknown>', 1, 'web.17f3a2b1c0d9e8f7'],
    ],
    [
      'involved object without a name, warning',
      { type: 'Warning', reason: 'Rebooted', involvedObject: { kind: 'Node' }, message: ' node rebooted ', lastTimestamp: ago(MINUTE), firstTimestamp: ago(MINUTE) },
      ['60s', 'Warning', 'Rebooted', 'node', '', 'kubelet, node-1', 'node rebooted', '60s', 1, 'web.17f3a2b1c0d9e8f7'],
    ],
    [
      'lower-cased kind of another group',
      { involvedObject: { kind: 'ReplicaSet', name: 'web-7d4b9c' }, firstTimestamp: ago(MINUTE), source: { component: 'replicaset-controller' } },
      ['60s', 'Normal', 'Pulled', 'replicaset/web-7d4b9c', '', 'replicaset-controller',
        'Container image "nginx:1.27" already present on machine', '60s', 1, 'web.17f3a2b1c0d9e8f7'],
    ],
  ])('%s', (_name, extra, want) => {
    expect(eventPrinter.print(event(extra), NOW).cells).toEqual(want);
  });

  it('orders columns as upstream, Name last and wide', () => {
    expect(eventPrinter.columns.map((c) => `${c.name}:${c.priority}:${c.format}`)).toEqual([
      'Last Seen:0:', 'Type:0:', 'Reason:0:', 'Object:0:', 'Subobject:1:', 'Source:1:', 'Message:0:',
      'First Seen:1:', 'Count:1:', 'Name:1:name',
    ]);
  });
});
