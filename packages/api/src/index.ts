export * from './types/index.js';
export * from './errors.js';
export * from './logger.js';
export * from './clock.js';
export * from './resources.js';
export * from './validation/field-errors.js';
export * from './flags/flag-set.js';
