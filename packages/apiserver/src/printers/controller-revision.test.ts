import { describe, expect, it } from 'vitest';
import type { ControllerRevision, OwnerReference } from '@kubelab/api';
import { controllerRevisionPrinter } from './controller-revision.js';
import { DAY, NOW, ago } from './test-time.js';

const owner = (apiVersion: string, kind: string, controller?: boolean): OwnerReference => ({
  apiVersion, kind, name: 'fluentd', uid: 'u-1', controller,
});

describe('controllerrevision printer', () => {
  it.each<[string, OwnerReference[] | undefined, string]>([
    ['owned by a daemonset', [owner('apps/v1', 'DaemonSet', true)], 'daemonset.apps/fluentd'],
    ['owned by a core kind', [owner('v1', 'Pod', true)], 'pod/fluentd'],
    ['only the controller reference counts', [owner('apps/v1', 'StatefulSet'), owner('apps/v1', 'DaemonSet', true)], 'daemonset.apps/fluentd'],
    ['no controller', [owner('apps/v1', 'DaemonSet')], '<none>'],
    ['no owners', undefined, '<none>'],
  ])('%s', (_name, ownerReferences, controller) => {
    const rev: ControllerRevision = {
      metadata: { name: 'fluentd-5d8f7c6b9', creationTimestamp: ago(8 * DAY), ownerReferences },
      revision: 2,
    };
    expect(controllerRevisionPrinter.print(rev, NOW).cells).toEqual(['fluentd-5d8f7c6b9', controller, 2, '8d']);
  });

  it('has NAME CONTROLLER REVISION AGE', () => {
    expect(controllerRevisionPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Controller', 'Revision', 'Age']);
  });
});
