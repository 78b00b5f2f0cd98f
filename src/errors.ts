import { Construct, type IConstruct } from 'constructs';

/**
 * A mistake in what the user gave (props, a deployment config, an FDL file, a setting from the
 * environment), as opposed to a defect of the project: its message says everything needed to correct
 * the input, so an app prints the message alone, without a stack trace.
 */
export class InputError extends Error {}

/**
 * The one form of every input error's message: `<where>: <subject>: <problem>. Fix: <fix>.`, where is
 * a construct path, a factory, `file:line:column` or a variable; the subject (setting, field, FDL path)
 * is left out when empty, and the fix when there is none.
 */
export function formatInputError(where: string, subject: string, problem: string, fix?: string): string {
  return `${where}: ${subject ? `${subject}: ` : ''}${problem}.${fix ? ` Fix: ${fix.replace(/\.$/, '')}.` : ''}`;
}

/**
 * A misuse found at synth time. The message names where (construct path, or the factory that was
 * called), the field, what is wrong and how to fix it, so a failed `cdktf synth` says everything needed
 * to correct the input; each part is also kept on its own, so callers can restate it in their terms (the
 * deployment config names the setting and its line).
 */
export class ValidationError extends InputError {
  /** The construct path, or the factory that was called (for example `ClusterConnection.fromServer`). */
  readonly where: string;

  /**
   * @param where the construct the props were given to, or the name of the factory
   * @param field the prop, as a path below the props (`gpu.count`, `taints[0].key`)
   * @param problem what is wrong with its value
   * @param fix how to correct it
   */
  constructor(where: IConstruct | string, readonly field: string, readonly problem: string, readonly fix: string) {
    const path = typeof where === 'string' ? where : where.node.path;
    super(formatInputError(path, field, problem, fix));
    this.name = 'ValidationError';
    this.where = path;
  }

  /**
   * The options the field is under, outermost first, as the code that made each construct passed
   * them on (see {@link fromOption}): with the field, the setting a user wrote
   * (`['platform', 'gateway']` and `serviceType`: `platform.gateway.serviceType`).
   */
  get optionPath(): readonly string[] {
    return this.options;
  }

  private readonly options: string[] = [];

  /** Records that the props holding the field were the caller's option `option` (see fromOption). */
  nestUnder(option: string): this {
    this.options.unshift(option);
    return this;
  }
}

/**
 * Makes something from the option `option` of the caller's props (a child construct from one of its
 * options): a ValidationError it throws then names its field under that option, so whoever reads the
 * error (the deployment config) finds the setting without knowing the construct tree. `callerFields`
 * are the fields the caller passed from its own props rather than from `option`: those stay the
 * caller's.
 */
export function fromOption<T>(option: string, make: () => T, callerFields: readonly string[] = []): T {
  let made: T;
  try {
    made = make();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw ownedByCaller(e.optionPath[0] ?? e.field, callerFields) ? e : e.nestUnder(option);
  }
  if (Construct.isConstruct(made)) madeFromOption.set(made, { option, callerFields });
  return made;
}

/**
 * The setting a user wrote for a field of a construct's props, as a ValidationError would name it (see
 * fromOption): for checks Terraform makes later, whose messages are written at synth time (a plan-time
 * condition). Constructs are only known to come from an option once made, so read it lazily (at synth).
 */
export function settingPath(scope: IConstruct, field: string): string {
  let setting = field;
  for (let c: IConstruct | undefined = scope; c !== undefined; c = c.node.scope) {
    const made = madeFromOption.get(c);
    if (made && !ownedByCaller(setting, made.callerFields)) setting = `${made.option}.${setting}`;
  }
  return setting;
}

/** The constructs fromOption made, with the option and the fields their caller kept. */
const madeFromOption = new WeakMap<IConstruct, { readonly option: string; readonly callerFields: readonly string[] }>();

function ownedByCaller(setting: string, callerFields: readonly string[]): boolean {
  return callerFields.includes(setting.split(/[.[]/)[0]);
}
