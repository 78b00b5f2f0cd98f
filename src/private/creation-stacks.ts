// cdktf records where every token was created: each output reference of a generated binding (about
// ten per `oscar_service`) captures and formats a full stack trace when it is constructed, whether or
// not it is ever used. At 1000 services that was a third of synth's time and a fifth of its memory.
// The trace only serves cdktf's own error messages ("token created at …"), so the bindings the
// services layer creates in bulk are built without it.

/**
 * Runs `build` with the creation stacks of cdktf tokens and construct metadata left empty: both
 * capture them with `Error.captureStackTrace` on plain objects, which is skipped meanwhile. Errors
 * keep their stack traces. The original function is restored even when `build` throws.
 */
export function withoutCreationStacks<T>(build: () => T): T {
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = (target: object, constructorOpt?: (...args: never[]) => unknown) => {
    if (target instanceof Error) capture(target, constructorOpt);
  };
  try {
    return build();
  } finally {
    Error.captureStackTrace = capture;
  }
}
