/**
 * StorageErrors with upstream's message format (k8s.io/apiserver/pkg/storage/errors.go):
 *   StorageError: invalid object, Code: 4, Key: /registry/pods/default/web, ResourceVersion: 0,
 *   AdditionalErrorMsg: Precondition failed: UID in precondition: a, UID in object meta: b
 * The registry wraps these messages into Conflict / NotFound / AlreadyExists ApiErrors.
 */
import { StorageError, type StorageErrorCode } from './storage.js';

const UPSTREAM: Record<Exclude<StorageErrorCode, 'Expired'>, { code: number; text: string }> = {
  KeyNotFound: { code: 1, text: 'key not found' },
  KeyExists: { code: 2, text: 'key exists' },
  ResourceVersionConflict: { code: 3, text: 'resource version conflicts' },
  InvalidObj: { code: 4, text: 'invalid object' },
};

export function newStorageError(
  code: Exclude<StorageErrorCode, 'Expired'>,
  key: string,
  additional = '',
  resourceVersion = 0,
): StorageError {
  const u = UPSTREAM[code];
  return new StorageError(
    code,
    key,
    `StorageError: ${u.text}, Code: ${u.code}, Key: ${key}, ResourceVersion: ${resourceVersion}, AdditionalErrorMsg: ${additional}`,
  );
}

/**
 * A failed uid/resourceVersion precondition. Upstream raises it as an InvalidObj error (the
 * registry answers 409 Conflict with its text); here the code is ResourceVersionConflict, also a
 * 409 Conflict, and the message is upstream's word for word.
 */
export function preconditionFailed(key: string, additional: string): StorageError {
  return new StorageError(
    'ResourceVersionConflict',
    key,
    newStorageError('InvalidObj', key, additional).message,
  );
}

/** `too old resource version: 5 (17)`: the watch cache's 410 Expired (watch_cache.go). */
export function tooOldResourceVersion(
  key: string,
  requested: number,
  oldest: number,
): StorageError {
  return new StorageError('Expired', key, `too old resource version: ${requested} (${oldest})`);
}

export function isStorageError(err: unknown, code?: StorageErrorCode): err is StorageError {
  return err instanceof StorageError && (code === undefined || err.code === code);
}
