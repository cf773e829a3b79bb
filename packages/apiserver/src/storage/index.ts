export * from './storage.js';
export {
  newStorageError,
  preconditionFailed,
  tooOldResourceVersion,
  isStorageError,
} from './storage-errors.js';
export { encodeObject, withResourceVersion } from './resource-version.js';
export type { StorageListener } from './commit-queue.js';
export { MemoryStorage, type MemoryStorageOptions } from './memory/memory-storage.js';
export { LevelDbStorage, type LevelDbStorageOptions } from './leveldb/leveldb-storage.js';
