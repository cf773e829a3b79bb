/**
 * One label-selector requirement (k8s.io/apimachinery/pkg/labels Requirement): construction with
 * upstream validation and error text, matching, and canonical rendering.
 */
import { FieldPath, invalidValue, notSupported, type FieldError } from '../validation/field-errors.js';
import { invalidGo, goStringSlice } from '../validation/go-value.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Values as given (sorted and de-duplicated when they came from the string parser). */
  readonly values: readonly string[];
}

const VALID_OPERATORS: LabelOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt', 'exists', '!'];

/** An upstream error message wrapped as an Error (what labels.Parse returns). */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

/** How Go prints a *field.Path that is nil. */
export const NIL_PATH = '<nil>';

/** validateLabelKey: one Invalid error with the messages joined by "; ". */
export function labelKeyError(key: string, path: string): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidValue(path, key, errs.join('; ')) : undefined;
}

/** utilerrors.NewAggregate(...).Error(): one message, or `[a, b]` (duplicates dropped). */
export function aggregateMessage(errs: FieldError[]): string {
  const msgs = [...new Set(errs.map((e) => e.toString()))];
  return msgs.length === 1 ? (msgs[0] ?? '') : `[${msgs.join(', ')}]`;
}

/**
 * labels.NewRequirement. `path` is the field path the caller passed (none for the selector
 * parser and for LabelSelectorAsSelector). Throws LabelSelectorError on invalid input.
 */
export function newRequirement(
  key: string,
  operator: LabelOperator,
  values: readonly string[] | null,
  path?: FieldPath,
): LabelRequirement {
  const errs: FieldError[] = [];
  const child = (name: string): FieldPath => (path ? path.child(name) : FieldPath.root(name));
  const keyErr = labelKeyError(key, child('key').toString());
  if (keyErr) errs.push(keyErr);
  const vals = values ?? [];
  const valuePath = child('values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) {
        errs.push(invalidGo(valuePath, goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) {
        errs.push(invalidGo(valuePath, goStringSlice(values), 'exact-match compatibility requires one single value'));
      }
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) {
        errs.push(invalidGo(valuePath, goStringSlice(values), 'values set must be empty for exists and does not exist'));
      }
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) {
        errs.push(invalidGo(valuePath, goStringSlice(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      vals.forEach((v, i) => {
        if (!/^[+-]?\d+$/.test(v)) {
          errs.push(invalidValue(valuePath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(notSupported(child('operator'), operator, VALID_OPERATORS));
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(invalidValue(valuePath.index(i).key(key), v, msgs.join('; ')));
  });
  if (errs.length) throw new LabelSelectorError(aggregateMessage(errs));
  return { key, operator, values: [...vals] };
}

function intValue(s: string): bigint | undefined {
  return /^[+-]?\d+$/.test(s) ? BigInt(s) : undefined;
}

export function requirementMatches(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const val = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return val !== undefined && r.values.includes(val);
    case 'notin':
    case '!=':
      return val === undefined || !r.values.includes(val);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      const lv = val === undefined ? undefined : intValue(val);
      const rv = r.values.length === 1 ? intValue(r.values[0] ?? '') : undefined;
      if (lv === undefined || rv === undefined) return false;
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

const OP_TEXT: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

export function requirementString(r: LabelRequirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const vals = r.values.length === 1 ? (r.values[0] ?? '') : [...r.values].sort().join(',');
  const body = r.operator === 'in' || r.operator === 'notin' ? `(${vals})` : vals;
  return `${r.key}${OP_TEXT[r.operator]}${body}`;
}
