/** Preconditions.Check from k8s.io/apiserver/pkg/storage/interfaces.go. */
import type { ApiObject } from '@kubelab/api';
import { newStorageError } from './storage-errors.js';
import type { Preconditions } from './storage.js';

/**
 * Throws when current does not satisfy the preconditions. Upstream returns an InvalidObj
 * error that the registry reports as 409 Conflict; here the code is ResourceVersionConflict
 * (also a 409 Conflict) with upstream's message text.
 */
export function checkPreconditions(
  key: string,
  current: ApiObject,
  p: Preconditions | undefined,
): void {
  if (!p) return;
  const uid = current.metadata?.uid ?? '';
  if (p.uid !== undefined && p.uid !== uid) {
    throw newStorageError(
      'ResourceVersionConflict',
      key,
      `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${uid}`,
    );
  }
  const rv = current.metadata?.resourceVersion ?? '';
  if (p.resourceVersion !== undefined && p.resourceVersion !== rv) {
    throw newStorageError(
      'ResourceVersionConflict',
      key,
      `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${rv}`,
    );
  }
}
