import { runStorageConformance } from '../storage.conformance.js';
import { MemoryStorage } from './memory-storage.js';

runStorageConformance('MemoryStorage', (opts) => {
  const storage = new MemoryStorage(opts);
  return Promise.resolve({ storage, cleanup: () => storage.close() });
});
