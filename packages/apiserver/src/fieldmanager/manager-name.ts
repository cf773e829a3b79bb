/**
 * Who a write is attributed to (endpoints/handlers/rest.go managerOrUserAgent): the
 * fieldManager query parameter, else the User-Agent up to its first `/` (`kubectl`,
 * `kube-controller-manager`), printable characters only, at most 128 bytes; and the
 * validation of an explicit fieldManager (ValidateFieldManager).
 */
import type { FieldError } from '@kubelab/api';
import { invalidValue, tooLong } from '@kubelab/api';

export const FIELD_MANAGER_MAX_LENGTH = 128;

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isPrint(ch: string): boolean {
  return ch === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
}

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

export function prefixFromUserAgent(userAgent: string): string {
  const head = userAgent.split('/')[0] ?? '';
  let out = '';
  for (const ch of head) {
    if (!isPrint(ch)) continue;
    if (utf8Length(out) + utf8Length(ch) > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
  }
  return out;
}

export function managerOrUserAgent(fieldManager: string | undefined, userAgent: string | undefined): string {
  return fieldManager ? fieldManager : prefixFromUserAgent(userAgent ?? '');
}

/** `U+0007` (Go's %#U also shows the character when it is printable). */
function goRune(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(ch) ? `${hex} '${ch}'` : hex;
}

export function validateFieldManager(fieldManager: string, path = 'fieldManager'): FieldError[] {
  const errs: FieldError[] = [];
  if (utf8Length(fieldManager) > FIELD_MANAGER_MAX_LENGTH) errs.push(tooLong(path, FIELD_MANAGER_MAX_LENGTH));
  let pos = 0;
  for (const ch of fieldManager) {
    if (!isPrint(ch)) errs.push(invalidValue(path, fieldManager, `invalid character ${goRune(ch)} (at position ${pos})`));
    pos += utf8Length(ch);
  }
  return errs;
}
