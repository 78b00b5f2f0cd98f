import type { IConstruct } from 'constructs';

/**
 * A misuse found at synth time. The message names where (construct path or file), the field, what is
 * wrong and how to fix it, so a failed `cdktf synth` says everything needed to correct the input.
 */
export class ValidationError extends Error {
  constructor(
    where: IConstruct | string,
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${typeof where === 'string' ? where : where.node.path}: ${field}: ${problem}. Fix: ${fix}.`);
    this.name = 'ValidationError';
  }
}
