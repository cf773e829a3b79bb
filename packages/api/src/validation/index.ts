export { validateCreate, validateStatusUpdate, validateUpdate } from './registry.js';
export type { KindValidation } from './kind-validation.js';
export {
  validateAnnotations,
  validateFinalizers,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateOwnerReferences,
  TOTAL_ANNOTATION_SIZE_LIMIT_B,
  type ObjectMetaOptions,
} from './object-meta.js';
export {
  deepEqual,
  FIELD_IMMUTABLE_ERROR_MSG,
  IS_NEGATIVE_ERROR_MSG,
  validateImmutable,
  validateLabelName,
  validateLabels,
  validateLabelSelector,
  validateNonnegative,
} from './common.js';
export {
  emptyError,
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isHTTPHeaderName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  maxLenError,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  type NameValidator,
} from './names.js';
export { GoValueFieldError, invalidGo, goLabelSelector, goStringMap, goStringSlice } from './go-value.js';
export { validatePodSpec, validatePodTemplateSpec } from './pod-spec.js';
export { validatePodCreate, validatePodStatusUpdate } from './pod.js';
export { validatePodUpdate, UPDATABLE_POD_SPEC_FIELDS } from './pod-update.js';
export { MIRROR_POD_ANNOTATION } from './pod-annotations.js';
export { cronScheduleError } from './cron-schedule.js';
export { validateCIDR, validateIP } from './ip.js';
