export * from './deployment';
export * from './model';
export * from './render';
