export * from './ast.js';
export * from './bindings.js';
export * from './file-context.js';
export * from './functions.js';
export * from './options.js';
export * from './sinks.js';
export * from './values.js';
export type { Primitive, TypeServices } from './types.js';
export * from './option-values.js';
