/**
 * Upstream prints structured bad values with Go's `%#v` (field.Error.ErrorBody), e.g.
 * `map[string]string{"app":"web"}` or `v1.LabelSelector{MatchLabels:...}`. FieldError in
 * field-errors.ts prints JSON, so errors whose value must read like upstream use GoValueFieldError,
 * which carries the value already rendered.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { FieldError, type FieldPath, type FieldErrorType } from './field-errors.js';

const TYPE_TEXT: Partial<Record<FieldErrorType, string>> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueNotFound: 'Not found',
};

export class GoValueFieldError extends FieldError {
  constructor(
    type: FieldErrorType,
    field: string,
    readonly rendered: string,
    detail: string,
  ) {
    super(type, field, rendered, detail);
  }

  override detailMessage(): string {
    const s = `${TYPE_TEXT[this.type] ?? 'Invalid value'}: ${this.rendered}`;
    return this.detail ? `${s}: ${this.detail}` : s;
  }
}

/** field.Invalid with a value printed as Go would (`rendered` is already Go syntax). */
export function invalidGo(p: FieldPath | string, rendered: string, detail: string): FieldError {
  return new GoValueFieldError('FieldValueInvalid', String(p), rendered, detail);
}

/** Go's %q for a string (close to JSON for printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

/** `map[string]string{"a":"1", "b":"2"}` (keys sorted, as fmt does), or `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** `[]string{"a", "b"}`, `[]string{}`, or `[]string(nil)`. */
export function goStringSlice(a: readonly string[] | undefined | null): string {
  if (a === undefined || a === null) return '[]string(nil)';
  return `[]string{${a.map(goQuote).join(', ')}}`;
}

/** A *metav1.LabelSelector as `&v1.LabelSelector{...}` would print after pointer deref. */
export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (sel === undefined || sel === null) return 'null';
  const exprs = sel.matchExpressions;
  const renderedExprs =
    exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${renderedExprs}}`;
}
