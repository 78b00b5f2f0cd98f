export * from './fdl';
export * from '../stacks/services-stack';
