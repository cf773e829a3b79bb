/**
 * IP and CIDR checks (apimachinery/pkg/util/validation IsValidIP / IsValidCIDR, 1.32 wording).
 * Like netutils.ParseIPSloppy, IPv4 parts with leading zeros are accepted.
 */
import { isIP } from 'node:net';
import { invalidValue, type FieldError, type FieldPath } from './field-errors.js';

const SLOPPY_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** 4 or 6 for a valid address, 0 otherwise. */
export function ipFamily(value: string): 0 | 4 | 6 {
  const m = SLOPPY_V4.exec(value);
  if (m) return m.slice(1).every((o) => Number(o) <= 255) ? 4 : 0;
  return isIP(value) === 6 ? 6 : 0;
}

export function validateIP(value: string, p: FieldPath): FieldError[] {
  return ipFamily(value) ? [] : [invalidValue(p, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

export function validateCIDR(value: string, p: FieldPath): FieldError[] {
  const [ip = '', bits, ...rest] = value.split('/');
  const family = ipFamily(ip);
  const max = family === 4 ? 32 : 128;
  const ok = family !== 0 && rest.length === 0 && bits !== undefined && /^\d+$/.test(bits) && Number(bits) <= max;
  return ok ? [] : [invalidValue(p, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}
