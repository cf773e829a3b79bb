export { Backoff, backoffDelay, type BackoffOptions } from './backoff.js';
export type { Informer, InformerEvent, InformerHandlers } from './informer.js';
export { VERY_SHORT_WATCH, createInformer, type InformerOptions } from './list-watch.js';
export {
  MapObjectCache,
  diffReplace,
  isSameVersion,
  objectKey,
  type ObjectCache,
  type ReplaceDiff,
} from './object-cache.js';
export { ItemExponentialFailureRateLimiter, type RateLimiter } from './rate-limiter.js';
export { WorkQueue, createRateLimitingQueue, type WorkQueueOptions } from './work-queue.js';
