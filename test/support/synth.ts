import type { IConstruct } from 'constructs';

/** Warnings added with Annotations.of(...).addWarning anywhere under a construct. */
export function warningsOf(scope: IConstruct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}
