export * from './buckets';
export * from './fdl-services';
export * from './oscar-service';
export * from './image-pull-secret';
