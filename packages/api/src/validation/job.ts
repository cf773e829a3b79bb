/**
 * Job validation (pkg/apis/batch/validation ValidateJob*, with the generated-selector labels of
 * 1.32: batch.kubernetes.io/{controller-uid,job-name} plus the legacy unprefixed ones).
 */
import type { Job, JobSpec } from 'kubernetes-types/batch/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { labelSelectorFromMeta } from '../selectors/index.js';
import { FieldPath, invalidValue, notSupported, required, type FieldError } from './field-errors.js';
import { deepEqual, validateImmutable, validateLabelSelector, validateNonnegative } from './common.js';
import { goLabelSelector, goStringMap, invalidGo } from './go-value.js';
import type { KindValidation } from './kind-validation.js';
import { isDNS1123Label, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodTemplateSpec } from './pod-spec.js';

function validateHasLabel(meta: ObjectMeta | undefined, p: FieldPath, key: string, expected: string): FieldError[] {
  const labels = meta?.labels ?? {};
  const lp = p.child('labels').key(key);
  if (!(key in labels)) return [required(lp, `must be '${expected}'`)];
  return labels[key] === expected ? [] : [invalidGo(lp, goStringMap(labels), `must be '${expected}'`)];
}

function validateGeneratedSelector(job: Job): FieldError[] {
  const spec = job.spec;
  if (spec?.manualSelector === true || !spec?.selector) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  if (!uid) errs.push(required(FieldPath.root('metadata').child('uid')));
  const tp = FieldPath.root('spec').child('template').child('metadata');
  const expected: Record<string, string> = {
    'controller-uid': uid,
    'job-name': name,
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
  };
  for (const [k, v] of Object.entries(expected)) errs.push(...validateHasLabel(spec.template?.metadata, tp, k, v));
  try {
    if (!labelSelectorFromMeta(spec.selector).matches(expected)) {
      errs.push(invalidGo(FieldPath.root('spec').child('selector'), goLabelSelector(spec.selector), '`selector` not auto-generated'));
    }
  } catch {
    // Reported by the selector validation.
  }
  return errs;
}

/** validateJobSpec: the parts shared with CronJob job templates. */
export function validateJobSpecCommon(spec: JobSpec | undefined, p: FieldPath): FieldError[] {
  const s = spec ?? { template: {} };
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
    errs.push(...validateNonnegative(s[f], p.child(f)));
  }
  if (s.completionMode !== undefined) {
    if (s.completionMode !== 'NonIndexed' && s.completionMode !== 'Indexed') {
      errs.push(notSupported(p.child('completionMode'), s.completionMode, ['NonIndexed', 'Indexed']));
    }
    if (s.completionMode === 'Indexed' && s.completions === undefined) {
      errs.push(required(p.child('completions'), 'when completion mode is Indexed'));
    }
  }
  if (s.podReplacementPolicy !== undefined && !['Failed', 'TerminatingOrFailed'].includes(s.podReplacementPolicy)) {
    errs.push(notSupported(p.child('podReplacementPolicy'), s.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  errs.push(...validatePodTemplateSpec(s.template, p.child('template')));
  const restart = s.template?.spec?.restartPolicy ?? '';
  const rp = p.child('template').child('spec').child('restartPolicy');
  if (restart === 'Always' || restart === '') errs.push(required(rp, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(rp, restart, ['OnFailure', 'Never']));
  else if (s.podFailurePolicy && restart !== 'Never') {
    errs.push(invalidValue(rp, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

function validateJobSpec(spec: JobSpec | undefined, p: FieldPath): FieldError[] {
  const errs = validateJobSpecCommon(spec, p);
  if (!spec?.selector) errs.push(required(p.child('selector')));
  else errs.push(...validateLabelSelector(spec.selector, p.child('selector')));
  try {
    const sel = labelSelectorFromMeta(spec?.selector);
    const labels = spec?.template?.metadata?.labels;
    if (!sel.matches(labels)) {
      errs.push(invalidGo(p.child('template').child('metadata').child('labels'), goStringMap(labels), '`selector` does not match template `labels`'));
    }
  } catch {
    // Reported by the selector validation.
  }
  return errs;
}

function validateJob(job: Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec(job.spec, FieldPath.root('spec')));
  const completions = job.spec?.completions;
  if (job.spec?.completionMode === 'Indexed' && completions !== undefined && completions > 0) {
    const host = `${job.metadata?.name ?? ''}-${completions - 1}`;
    if (isDNS1123Label(host).length > 0) {
      errs.push(invalidValue(FieldPath.root('metadata').child('name'), job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

function validateStatus(job: Job): FieldError[] {
  const p = FieldPath.root('status');
  const s = job.status ?? {};
  const errs: FieldError[] = [];
  for (const f of ['active', 'succeeded', 'failed', 'ready', 'terminating'] as const) errs.push(...validateNonnegative(s[f], p.child(f)));
  return errs;
}

export const jobValidation: KindValidation<Job> = {
  create: validateJob,
  update: (n, o) => {
    const sp = FieldPath.root('spec');
    const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
    errs.push(...validateJobSpec(n.spec, sp));
    if (n.spec?.completionMode !== 'Indexed') errs.push(...validateImmutable(n.spec?.completions, o.spec?.completions, sp.child('completions')));
    if (!deepEqual(n.spec?.selector, o.spec?.selector)) {
      errs.push(invalidGo(sp.child('selector'), goLabelSelector(n.spec?.selector), 'field is immutable'));
    }
    errs.push(...validateImmutable(n.spec?.template, o.spec?.template, sp.child('template')));
    errs.push(...validateImmutable(n.spec?.completionMode, o.spec?.completionMode, sp.child('completionMode')));
    errs.push(...validateImmutable(n.spec?.podFailurePolicy, o.spec?.podFailurePolicy, sp.child('podFailurePolicy')));
    errs.push(...validateImmutable(n.spec?.backoffLimitPerIndex, o.spec?.backoffLimitPerIndex, sp.child('backoffLimitPerIndex')));
    return errs;
  },
  status: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateStatus(n)],
};
