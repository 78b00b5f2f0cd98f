// withoutCreationStacks: cdktf tokens and construct metadata made inside carry no creation stack;
// errors keep theirs.
import { Annotations, TerraformStack, Testing } from '../../src/private/cdktf';
import { withoutCreationStacks } from '../../src/private/creation-stacks';
import { Service } from '../../src/providers/oscar/service';
import { testStack } from '../support/platform';

describe('withoutCreationStacks', () => {
  test('the output references of a binding made inside have empty creation stacks; made outside, they have stacks', () => {
    // GIVEN
    const stack = testStack();
    const config = { name: 'svc', image: 'alpine', script: 'echo', memory: '1Gi', cpu: '1' };
    // WHEN
    const inside = withoutCreationStacks(() => new Service(stack, 'Inside', config));
    const outside = new Service(stack, 'Outside', config);
    // THEN
    expect(inside.federation.creationStack).toEqual([]);
    expect(outside.federation.creationStack.length).toBeGreaterThan(0);
  });

  test('a warning added inside has no stack trace in its metadata', () => {
    const stack = new TerraformStack(Testing.app({ stackTraces: true }), 'test');
    withoutCreationStacks(() => Annotations.of(stack).addWarning('inside'));
    Annotations.of(stack).addWarning('outside');
    const traces = Object.fromEntries(stack.node.metadata.map((m) => [m.data, m.trace]));
    expect(traces.inside).toEqual([]);
    expect(traces.outside?.length).toBeGreaterThan(0);
  });

  test('errors made inside keep their stack trace, and it names the function that made them', () => {
    function failingBuild(): never {
      throw new Error('boom');
    }
    let caught: Error | undefined;
    try {
      withoutCreationStacks(failingBuild);
    } catch (e) {
      caught = e as Error;
    }
    expect(caught?.message).toBe('boom');
    expect(caught?.stack).toMatch(/^Error: boom\n\s+at failingBuild /);
  });

  test('Error.captureStackTrace is restored, also when the build throws', () => {
    const original = Error.captureStackTrace;
    expect(() => withoutCreationStacks(() => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(Error.captureStackTrace).toBe(original);
    expect(withoutCreationStacks(() => 42)).toBe(42);
    expect(Error.captureStackTrace).toBe(original);
  });
});
