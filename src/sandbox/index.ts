export * from './control-plane';
export * from './deployed-manager';
export * from './etcd';
export * from './keycloak';
export * from './kube-apiserver';
export * from './minio';
export * from './oscar-manager';
export { freePort } from './process';
export { componentBinary, hasComponent, type Component } from './testenv';
