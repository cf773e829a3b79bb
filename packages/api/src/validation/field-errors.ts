/**
 * Field errors as k8s.io/apimachinery/pkg/util/validation/field renders them:
 * `spec.containers[0].image: Required value`,
 * `metadata.name: Invalid value: "BAD": a lowercase RFC 1123 subdomain ...`.
 */
export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'FieldValueTypeInvalid'
  | 'InternalError';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  FieldValueTypeInvalid: 'Invalid value',
  InternalError: 'Internal error',
};

const OMIT = Symbol('omit');

export class FieldError {
  constructor(
    readonly type: FieldErrorType,
    readonly field: string,
    readonly badValue: unknown,
    readonly detail: string,
  ) {}

  /** The message without the field path, as put into StatusCause.message. */
  detailMessage(): string {
    const parts: string[] = [TYPE_TEXT[this.type]];
    const v = this.badValue;
    const showValue =
      v !== OMIT &&
      (this.type === 'FieldValueInvalid' ||
        this.type === 'FieldValueNotSupported' ||
        this.type === 'FieldValueDuplicate' ||
        this.type === 'FieldValueTypeInvalid' ||
        this.type === 'FieldValueNotFound');
    let s = parts[0] ?? '';
    if (showValue) s += `: ${formatValue(v)}`;
    if (this.detail) s += `: ${this.detail}`;
    return s;
  }

  toString(): string {
    return this.field ? `${this.field}: ${this.detailMessage()}` : this.detailMessage();
  }
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A field path builder: path('spec').child('containers').index(0).child('image'). */
export class FieldPath {
  private constructor(private readonly text: string) {}
  static root(name = ''): FieldPath {
    return new FieldPath(name);
  }
  child(name: string): FieldPath {
    return new FieldPath(this.text ? `${this.text}.${name}` : name);
  }
  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }
  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }
  toString(): string {
    return this.text;
  }
}

type P = FieldPath | string;
const s = (p: P): string => String(p);

export const required = (p: P, detail = ''): FieldError =>
  new FieldError('FieldValueRequired', s(p), OMIT, detail);
export const invalidValue = (p: P, value: unknown, detail: string): FieldError =>
  new FieldError('FieldValueInvalid', s(p), value, detail);
export const notSupported = (p: P, value: unknown, supported: string[]): FieldError =>
  new FieldError(
    'FieldValueNotSupported',
    s(p),
    value,
    supported.length ? `supported values: ${supported.map((x) => JSON.stringify(x)).join(', ')}` : '',
  );
export const forbiddenField = (p: P, detail: string): FieldError =>
  new FieldError('FieldValueForbidden', s(p), OMIT, detail);
export const duplicate = (p: P, value: unknown): FieldError =>
  new FieldError('FieldValueDuplicate', s(p), value, '');
export const tooLong = (p: P, max: number): FieldError =>
  new FieldError('FieldValueTooLong', s(p), OMIT, `may not be more than ${max} bytes`);
export const notFoundField = (p: P, value: unknown): FieldError =>
  new FieldError('FieldValueNotFound', s(p), value, '');
/** field.TooMany: a list longer than its limit ("Too many: 1001: must have at most 1000 items"). */
export const tooMany = (p: P, actual: number, max: number): FieldError =>
  new FieldError('FieldValueTooMany', s(p), actual, `must have at most ${max} items`);
