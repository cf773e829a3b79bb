export * from './tar-writer.js';
export * from './rootfs.js';
export * from './image-config.js';
export * from '../util/host-lock.js';
export * from './image-builder.js';
export * from './pause-image.js';
export * from './busybox-image.js';
export * from './node-runtime-image.js';
