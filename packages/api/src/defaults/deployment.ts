/** SetDefaults_Deployment (apps/v1): replicas 1, RollingUpdate 25%/25%, history 10, deadline 600s. */
import type { Deployment } from 'kubernetes-types/apps/v1.js';
import { defaultPodSpec } from './pod.js';

export function defaultDeployment(d: Deployment): void {
  const spec = (d.spec ??= { selector: {}, template: {} });
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}
