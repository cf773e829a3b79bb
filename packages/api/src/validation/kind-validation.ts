/**
 * The shape every per-kind validation file exports; registry.ts dispatches on group and kind.
 * Objects arrive decoded from JSON (and defaulted), typed loosely at this seam.
 */
import type { FieldError } from './field-errors.js';

export interface KindValidation<T = never> {
  create(obj: T): FieldError[];
  update(newObj: T, oldObj: T): FieldError[];
  /** The status subresource; kinds without one fall back to ObjectMeta update rules. */
  status?(newObj: T, oldObj: T): FieldError[];
}
