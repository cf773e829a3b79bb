/**
 * ValidateKubeletConfiguration (pkg/kubelet/apis/config/validation) for the fields kubelab
 * uses, with upstream's messages, aggregated as utilerrors does (`[a, b]` for several).
 */
import { isQualifiedName, isValidLabelValue, parseQuantity, type Taint } from '@kubelab/api';
import { KUBELAB_CAPACITY_FIELD, type KubeletConfiguration } from './kubelet-config.js';

const validPort = (p: number): boolean => Number.isInteger(p) && p >= 1 && p <= 65535;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** utiltaints.CheckTaintValidation. */
function taintError(t: Taint): string | undefined {
  const keyErrs = isQualifiedName(t.key ?? '');
  if (keyErrs.length) return `invalid taint key: ${keyErrs.join('; ')}`;
  if (t.value) {
    const valueErrs = isValidLabelValue(t.value);
    if (valueErrs.length) return `invalid taint value: ${valueErrs.join('; ')}`;
  }
  if (t.effect && !TAINT_EFFECTS.includes(t.effect)) return `invalid taint effect: ${t.effect}`;
  return undefined;
}

/** Go's %v of a v1.Taint value: `{key value effect <nil>}`. */
const goTaint = (t: Taint): string => `{${t.key ?? ''} ${t.value ?? ''} ${t.effect ?? ''} <nil>}`;

/** Every problem, each a one-line message starting as upstream's do. */
export function validateKubeletConfiguration(kc: KubeletConfiguration): string[] {
  const errs: string[] = [];
  const invalid = (msg: string): void => void errs.push(`invalid configuration: ${msg}`);
  if (kc.nodeLeaseDurationSeconds <= 0) invalid('nodeLeaseDurationSeconds must be greater than 0');
  if (kc.healthzPort !== 0 && !validPort(kc.healthzPort)) {
    invalid(
      `healthzPort (--healthz-port) ${kc.healthzPort} must be between 1 and 65535, inclusive`,
    );
  }
  if (kc.maxPods < 0) invalid(`maxPods (--max-pods) ${kc.maxPods} must not be a negative number`);
  if (kc.podsPerCore < 0) {
    invalid(`podsPerCore (--pods-per-core) ${kc.podsPerCore} must not be a negative number`);
  }
  if (!validPort(kc.port))
    invalid(`port (--port) ${kc.port} must be between 1 and 65535, inclusive`);
  if (kc.readOnlyPort !== 0 && !validPort(kc.readOnlyPort)) {
    invalid(
      `readOnlyPort (--read-only-port) ${kc.readOnlyPort} must be between 0 and 65535, inclusive`,
    );
  }
  for (const t of kc.registerWithTaints) {
    if (taintError(t)) errs.push(`invalid taint: ${goTaint(t)}`);
    if (t.timeAdded !== undefined) invalid('taint.TimeAdded is not nil');
  }
  if (!kc.containerRuntimeEndpoint)
    invalid('the containerRuntimeEndpoint was not specified or empty');
  for (const r of ['cpu', 'memory'] as const) {
    const q = kc.capacity[r];
    if (q !== undefined && parseQuantity(q).sign() < 0) {
      invalid(`${KUBELAB_CAPACITY_FIELD}.${r} ${q} must not be a negative quantity`);
    }
  }
  const pods = kc.capacity.pods;
  if (pods !== undefined && pods < 0) {
    invalid(`${KUBELAB_CAPACITY_FIELD}.pods ${pods} must not be a negative number`);
  }
  return errs;
}

/** utilerrors.NewAggregate(...).Error(). */
export function aggregate(errs: readonly string[]): string {
  return errs.length === 1 ? (errs[0] ?? '') : `[${errs.join(', ')}]`;
}

/**
 * Throws the error the kubelet exits with:
 * `failed to validate kubelet configuration, error: <errors>, path: &TypeMeta{Kind:,APIVersion:,}`.
 */
export function checkKubeletConfiguration(kc: KubeletConfiguration): void {
  const errs = validateKubeletConfiguration(kc);
  if (errs.length === 0) return;
  throw new Error(
    `failed to validate kubelet configuration, error: ${aggregate(errs)}, path: &TypeMeta{Kind:,APIVersion:,}`,
  );
}
