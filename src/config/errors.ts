// Errors of deployment configs: a setting of the file, or one given outside it.
import { formatInputError, InputError } from '../errors';

/** A mistake in a deployment config file: the file, line and column, the setting, what is wrong, and a fix. */
export class DeploymentConfigError extends InputError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The setting's path in the file, for example `cluster.eks.region`; empty for the file as a whole. */
    readonly setting: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(formatInputError(`${file}:${line}:${column}`, setting, problem, fix));
    this.name = 'DeploymentConfigError';
  }
}

/** A mistake in a setting given outside the config file (an environment variable, a command-line argument). */
export class OverriddenSettingError extends InputError {
  constructor(
    /** Where the value was given, for example `OSCAR_FDL`. */
    readonly source: string,
    /** The config file's setting it replaces, for example `services.fdl`. */
    readonly setting: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(formatInputError(`${source} (replacing ${setting})`, '', problem, fix));
    this.name = 'OverriddenSettingError';
  }
}
