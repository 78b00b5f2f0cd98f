export * from './canonical';
export * from './defaults';
export * from './diagnostics';
export * from './json-schema';
export * from './loader';
export * from './model';
export { parseQuantity } from './quantity';
export { type SecretField, secretFieldsOf, type SecretPath, withSecretValues } from './secrets';
export { bucketOf, managerPath, mountBucketOf, parseProviderRef, trimPath } from './paths';
