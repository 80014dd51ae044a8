export * from './bigfloat/index.js';
