export {
  LabelSelectorError,
  newRequirement,
  requirementMatches,
  requirementString,
  type LabelOperator,
  type LabelRequirement,
} from './label-requirement.js';
export {
  everythingSelector,
  nothingSelector,
  parseLabelSelector,
  selectorFromRequirements,
  selectorFromSet,
  type LabelSelectorMatcher,
} from './label-selector.js';
export { labelSelectorFromMeta } from './label-selector-from-meta.js';
export {
  escapeFieldValue,
  fieldSelectorFromSet,
  FieldSelectorError,
  parseFieldSelector,
  unescapeFieldValue,
  type FieldOperator,
  type FieldRequirement,
  type FieldSelectorMatcher,
} from './field-selector.js';
export { selectableFields } from './selectable-fields.js';
export {
  convertFieldLabel,
  convertFieldSelector,
  unsupportedFieldError,
  validateFieldSelector,
  type FieldLabelConversion,
} from './field-label-conversion.js';
