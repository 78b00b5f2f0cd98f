export * from './canonical';
export * from './defaults';
export * from './diagnostics';
export * from './json-schema';
export * from './loader';
export * from './model';
export { parseQuantity } from './quantity';
export { parseProviderRef } from './validate';
