/** DaemonSet validation (pkg/apis/apps/validation ValidateDaemonSet*, apps/v1 selector immutability). */
import type { DaemonSet, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1.js';
import { labelSelectorFromMeta, type LabelSelectorMatcher } from '../selectors/index.js';
import { FieldPath, required, type FieldError } from './field-errors.js';
import { validateLabelSelector, validateNonnegative } from './common.js';
import { goLabelSelector, goQuote, goStringMap, GoValueFieldError, invalidGo } from './go-value.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import {
  intOrPercentValue,
  intOrStringText,
  isNotMoreThan100Percent,
  SELECTOR_MISMATCH_MSG,
  validatePositiveIntOrPercent,
  validateReplicatedTemplate,
  validateSelectorImmutable,
} from './apps-common.js';

function validateUpdateStrategy(s: DaemonSetUpdateStrategy | undefined, p: FieldPath): FieldError[] {
  const type = s?.type ?? '';
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') {
    const ru = s?.rollingUpdate;
    const rp = p.child('rollingUpdate');
    if (!ru) return [required(rp)];
    const errs = [
      ...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')),
      ...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')),
      ...isNotMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')),
      ...isNotMoreThan100Percent(ru.maxSurge, rp.child('maxSurge')),
    ];
    const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
    const surge = intOrPercentValue(ru.maxSurge) !== 0;
    if (unavailable && surge) {
      errs.push(invalidGo(rp.child('maxSurge'), intOrStringText(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
    } else if (!unavailable && !surge) {
      errs.push(required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    }
    return errs;
  }
  const ru = s?.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)';
  return [
    new GoValueFieldError(
      'FieldValueNotSupported',
      p.toString(),
      `apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:${ru}}`,
      'supported values: "RollingUpdate", "OnDelete"',
    ),
  ];
}

function validateSpec(ds: DaemonSet): FieldError[] {
  const p = FieldPath.root('spec');
  const spec = ds.spec;
  const errs = validateLabelSelector(spec?.selector, p.child('selector'));
  let selector: LabelSelectorMatcher | undefined;
  try {
    selector = labelSelectorFromMeta(spec?.selector);
  } catch {
    selector = undefined;
  }
  const labels = spec?.template?.metadata?.labels;
  if (selector && !selector.matches(labels)) {
    const lp = p.child('template').child('metadata').child('labels');
    errs.push(invalidGo(lp, goStringMap(labels), SELECTOR_MISMATCH_MSG));
  }
  const sel = spec?.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalidGo(p.child('selector'), goLabelSelector(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validateReplicatedTemplate(spec?.template ?? {}, undefined, p.child('template'), 'DaemonSet'));
  errs.push(...validateNonnegative(spec?.minReadySeconds ?? 0, p.child('minReadySeconds')));
  errs.push(...validateUpdateStrategy(spec?.updateStrategy, p.child('updateStrategy')));
  errs.push(...validateNonnegative(spec?.revisionHistoryLimit, p.child('revisionHistoryLimit')));
  return errs;
}

function validateStatus(ds: DaemonSet): FieldError[] {
  const p = FieldPath.root('status');
  const s = (ds.status ?? {}) as Record<string, number | undefined>;
  const errs: FieldError[] = [];
  for (const f of [
    'currentNumberScheduled',
    'numberMisscheduled',
    'desiredNumberScheduled',
    'numberReady',
    'observedGeneration',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
    'collisionCount',
  ]) {
    errs.push(...validateNonnegative(s[f], p.child(f)));
  }
  return errs;
}

export const daemonSetValidation: KindValidation<DaemonSet> = {
  create: (ds) => [
    ...validateObjectMeta(ds.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }),
    ...validateSpec(ds),
  ],
  update: (n, o) => [
    ...validateObjectMetaUpdate(n.metadata, o.metadata),
    ...validateSpec(n),
    ...validateSelectorImmutable(n.spec?.selector, o.spec?.selector, FieldPath.root('spec').child('selector')),
  ],
  status: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateStatus(n)],
};
