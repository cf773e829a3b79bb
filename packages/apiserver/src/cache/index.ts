export { Cacher, type WatchOptions } from './cacher.js';
export type { CacheEntry, CacheEvent, CacherOptions, ObjectAttrs, Predicate } from './types.js';
export { StoredJson } from './stored-json.js';
