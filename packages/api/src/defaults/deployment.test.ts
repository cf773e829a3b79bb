import type { Deployment } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultDeployment } from './deployment.js';

describe('defaultDeployment', () => {
  it('sets replicas, strategy, history, deadline and template defaults', () => {
    const d: Deployment = {
      spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'a', image: 'a:1' }] } } },
    };
    defaultDeployment(d);
    expect(d.spec?.replicas).toBe(1);
    expect(d.spec?.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec?.revisionHistoryLimit).toBe(10);
    expect(d.spec?.progressDeadlineSeconds).toBe(600);
    expect(d.spec?.template.spec?.restartPolicy).toBe('Always');
    expect(d.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(d.spec?.template.spec?.enableServiceLinks).toBeUndefined();
  });

  it('leaves Recreate without rollingUpdate and keeps explicit values', () => {
    const d: Deployment = { spec: { replicas: 0, selector: {}, template: {}, strategy: { type: 'Recreate' } } };
    defaultDeployment(d);
    expect(d.spec?.replicas).toBe(0);
    expect(d.spec?.strategy).toEqual({ type: 'Recreate' });
  });
});
