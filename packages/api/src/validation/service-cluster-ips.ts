/**
 * Service cluster IP rules (pkg/apis/core/validation ValidateServiceClusterIPsRelatedFields and
 * validateUpgradeDowngradeClusterIPs): clusterIP/clusterIPs agreement, families, immutability.
 */
import type { Service } from 'kubernetes-types/core/v1.js';
import { duplicate, FieldPath, invalidValue, notSupported, required, type FieldError } from './field-errors.js';
import { goStringSlice, invalidGo } from './go-value.js';
import { ipFamily, validateIP } from './ip.js';

const clusterIPsPath = FieldPath.root('spec').child('clusterIPs');
const isHeadless = (svc: Service): boolean =>
  (svc.spec?.clusterIPs ?? []).length === 1 && svc.spec?.clusterIPs?.[0] === 'None';

export function validateClusterIPs(svc: Service): FieldError[] {
  const s = svc.spec ?? {};
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = s.clusterIPs ?? [];
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required(clusterIPsPath));
    else if (ips[0] !== s.clusterIP) errs.push(invalidGo(clusterIPsPath, goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(invalidGo(clusterIPsPath, goStringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  }
  const families = s.ipFamilies ?? [];
  const seen = new Set<string>();
  families.forEach((f, i) => {
    const fp = FieldPath.root('spec').child('ipFamilies').index(i);
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(fp, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(fp, f));
    seen.add(f);
  });
  const policy = s.ipFamilyPolicy;
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(notSupported(FieldPath.root('spec').child('ipFamilyPolicy'), policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  let invalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalidIPs = true;
        errs.push(invalidGo(clusterIPsPath, goStringSlice(ips), "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = validateIP(ip, clusterIPsPath.index(i));
    if (ipErrs.length) invalidIPs = true;
    errs.push(...ipErrs);
  });
  if (ips.length > 2) errs.push(invalidGo(clusterIPsPath, goStringSlice(ips), 'may only hold up to 2 values'));
  if (invalidIPs) return errs;
  if (ips.length > 1 && ipFamily(ips[0] ?? '') === ipFamily(ips[1] ?? '')) {
    errs.push(invalidGo(clusterIPsPath, goStringSlice(ips), 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(svc)) {
    ips.forEach((ip, i) => {
      const f = families[i];
      if (f === 'IPv4' && ipFamily(ip) === 6) {
        errs.push(invalidValue(clusterIPsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (f === 'IPv6' && ipFamily(ip) !== 6) {
        errs.push(invalidValue(clusterIPsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

/** Cluster IPs may be added (upgrade) or the secondary removed (downgrade), never changed. */
export function validateClusterIPsUpdate(oldSvc: Service, svc: Service): FieldError[] {
  if (svc.spec?.type === 'ExternalName' || oldSvc.spec?.type === 'ExternalName') return [];
  if (isHeadless(oldSvc) && isHeadless(svc)) return [];
  const oldIPs = oldSvc.spec?.clusterIPs ?? [];
  const ips = svc.spec?.clusterIPs ?? [];
  const rendered = goStringSlice(svc.spec?.clusterIPs);
  const errs: FieldError[] = [];
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(invalidGo(clusterIPsPath.index(i), rendered, 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(invalidGo(clusterIPsPath.index(0), rendered, 'primary clusterIP can not be unset'));
    if (ips.length > 0 && ips[0] !== oldIPs[0]) errs.push(invalidGo(clusterIPsPath.index(0), rendered, 'may not change once set'));
    if (ips.length === 1 && svc.spec?.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalidValue(
          FieldPath.root('spec').child('ipFamilyPolicy'),
          svc.spec?.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(invalidGo(clusterIPsPath.index(0), rendered, 'may not change once set'));
  }
  return errs;
}
