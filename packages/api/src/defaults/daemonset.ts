/** SetDefaults_DaemonSet (apps/v1): RollingUpdate maxUnavailable 1 / maxSurge 0, history 10. */
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import { defaultPodSpec } from './pod.js';

export function defaultDaemonSet(ds: DaemonSet): void {
  const spec = (ds.spec ??= { selector: {}, template: {} });
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}
