/** Preconditions.Check from k8s.io/apiserver/pkg/storage/interfaces.go. */
import type { ApiObject } from '@kubelab/api';
import { preconditionFailed } from './storage-errors.js';
import type { Preconditions } from './storage.js';

/** Throws a precondition-failed StorageError when current does not satisfy p. */
export function checkPreconditions(
  key: string,
  current: ApiObject,
  p: Preconditions | undefined,
): void {
  if (!p) return;
  const uid = current.metadata?.uid ?? '';
  if (p.uid !== undefined && p.uid !== uid) {
    throw preconditionFailed(
      key,
      `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${uid}`,
    );
  }
  const rv = current.metadata?.resourceVersion ?? '';
  if (p.resourceVersion !== undefined && p.resourceVersion !== rv) {
    throw preconditionFailed(
      key,
      `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${rv}`,
    );
  }
}
