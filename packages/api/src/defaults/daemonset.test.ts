import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultDaemonSet } from './daemonset.js';

describe('defaultDaemonSet', () => {
  it('defaults a RollingUpdate strategy with maxUnavailable 1 and maxSurge 0', () => {
    const ds: DaemonSet = { spec: { selector: {}, template: { spec: { containers: [] } } } };
    defaultDaemonSet(ds);
    expect(ds.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec?.revisionHistoryLimit).toBe(10);
    expect(ds.spec?.template.spec?.schedulerName).toBe('default-scheduler');
  });

  it('does not add rollingUpdate to OnDelete', () => {
    const ds: DaemonSet = { spec: { selector: {}, template: {}, updateStrategy: { type: 'OnDelete' } } };
    defaultDaemonSet(ds);
    expect(ds.spec?.updateStrategy).toEqual({ type: 'OnDelete' });
  });
});
