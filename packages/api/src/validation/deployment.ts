/**
 * Deployment validation (pkg/apis/apps/validation ValidateDeployment*, plus the apps/v1 selector
 * immutability of pkg/registry/apps/deployment/strategy.go).
 */
import type { Deployment, DeploymentStrategy } from 'kubernetes-types/apps/v1.js';
import { FieldPath, forbiddenField, required, type FieldError } from './field-errors.js';
import { validateNonnegative } from './common.js';
import { goQuote, GoValueFieldError, invalidGo } from './go-value.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import {
  intOrPercentValue,
  intOrStringText,
  isNotMoreThan100Percent,
  validatePositiveIntOrPercent,
  validateReplicaCounters,
  validateReplicatedTemplate,
  validateSelectorImmutable,
  validateStrictSelector,
} from './apps-common.js';

function validateStrategy(s: DeploymentStrategy | undefined, p: FieldPath): FieldError[] {
  const type = s?.type ?? '';
  if (type === 'Recreate') {
    return s?.rollingUpdate ? [forbiddenField(p.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    const ru = s?.rollingUpdate;
    const rp = p.child('rollingUpdate');
    if (!ru) return [required(rp, 'this should be defaulted and never be nil')];
    const errs = [
      ...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')),
      ...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')),
    ];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalidGo(rp.child('maxUnavailable'), intOrStringText(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
    return errs;
  }
  const ru = s?.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)';
  return [
    new GoValueFieldError(
      'FieldValueNotSupported',
      p.toString(),
      `apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:${ru}}`,
      'supported values: "Recreate", "RollingUpdate"',
    ),
  ];
}

function validateSpec(d: Deployment): FieldError[] {
  const p = FieldPath.root('spec');
  const spec = d.spec;
  const errs = validateNonnegative(spec?.replicas ?? 0, p.child('replicas'));
  const selector = validateStrictSelector(spec?.selector, p.child('selector'), 'empty selector is invalid for deployment', errs);
  if (selector) errs.push(...validateReplicatedTemplate(spec?.template, selector, p.child('template'), 'ReplicaSet'));
  errs.push(...validateStrategy(spec?.strategy, p.child('strategy')));
  const minReady = spec?.minReadySeconds ?? 0;
  errs.push(...validateNonnegative(minReady, p.child('minReadySeconds')));
  errs.push(...validateNonnegative(spec?.revisionHistoryLimit, p.child('revisionHistoryLimit')));
  const pds = spec?.progressDeadlineSeconds;
  if (pds !== undefined) {
    errs.push(...validateNonnegative(pds, p.child('progressDeadlineSeconds')));
    if (pds <= minReady) errs.push(invalidGo(p.child('progressDeadlineSeconds'), String(pds), 'must be greater than minReadySeconds'));
  }
  return errs;
}

function validateStatus(d: Deployment): FieldError[] {
  const p = FieldPath.root('status');
  const s = d.status ?? {};
  const errs: FieldError[] = [];
  for (const f of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount'] as const) {
    errs.push(...validateNonnegative(s[f], p.child(f)));
  }
  errs.push(...validateReplicaCounters(s as unknown as Record<string, number | undefined>, ['updatedReplicas', 'readyReplicas', 'availableReplicas'], p));
  return errs;
}

export const deploymentValidation: KindValidation<Deployment> = {
  create: (d) => [
    ...validateObjectMeta(d.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }),
    ...validateSpec(d),
  ],
  update: (n, o) => [
    ...validateObjectMetaUpdate(n.metadata, o.metadata),
    ...validateSpec(n),
    ...validateSelectorImmutable(n.spec?.selector, o.spec?.selector, FieldPath.root('spec').child('selector')),
  ],
  status: (n, o) => {
    const errs = [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateStatus(n)];
    if ((n.status?.collisionCount ?? 0) < (o.status?.collisionCount ?? 0) || (n.status?.collisionCount === undefined && o.status?.collisionCount !== undefined)) {
      errs.push(invalidGo(FieldPath.root('status').child('collisionCount'), String(n.status?.collisionCount ?? 0), 'cannot be decremented'));
    }
    return errs;
  },
};
