export * from './cri-format.js';
export * from './log-tail.js';
export * from './log-writer-manager.js';
export * from './cri-log-reader.js';
