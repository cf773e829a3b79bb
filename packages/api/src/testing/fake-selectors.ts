/**
 * Selector matching for the fakes, through the shared parsers: label selectors on
 * metadata.labels, field selectors on any dotted path of the object (metadata.name,
 * spec.nodeName, status.phase ...), a missing field reading as "".
 */
import { parseFieldSelector, parseLabelSelector } from '../selectors/index.js';

export function matchesLabels(
  selector: string | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return !selector || parseLabelSelector(selector).matches(labels);
}

function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur as string);
}

export function matchesFields(selector: string | undefined, obj: unknown): boolean {
  if (!selector) return true;
  const matcher = parseFieldSelector(selector);
  const fields: Record<string, string> = {};
  for (const r of matcher.requirements) fields[r.field] = fieldValue(obj, r.field);
  return matcher.matches(fields);
}
