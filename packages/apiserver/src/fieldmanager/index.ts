/**
 * Server-side apply and field management (k8s.io/apimachinery managedfields and
 * sigs.k8s.io/structured-merge-diff): metadata.managedFields on every write, apply with
 * ownership and conflicts.
 */
export { FieldManager, gvkString, type FieldManagerOptions } from './field-manager.js';
export { FieldSet } from './field-set.js';
export { fieldsToSet, setToFields, type FieldsV1 } from './fields-v1.js';
export {
  decodeManagedFields,
  encodeManagedFields,
  managerIdentifier,
  type Managed,
  type ManagedFieldsEntry,
  type VersionedSet,
} from './managed-fields.js';
export { managerOrUserAgent, prefixFromUserAgent, validateFieldManager } from './manager-name.js';
export { applyConflictError, conflictMessage, printManager } from './conflict-error.js';
export { resetFields } from './reset-fields.js';
export { withScaleManagedFields, type ScaleTracking } from './scale-managed-fields.js';
export {
  fieldManagerFor,
  requestManager,
  trackCreate,
  trackUpdate,
  type ManagerRequest,
  type WriteOptionsKind,
} from './write-tracking.js';
