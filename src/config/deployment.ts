// The deployment config: one YAML file saying which cluster to use or create, the platform's settings
// and which FDL files to deploy. Shapes are checked here, with file and line; meaning is checked by the
// constructs, whose errors addDeploymentStacks brings back to the line of the setting (errorAt).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, type Node, parseDocument } from 'yaml';
import type { EksClusterProps } from '../cluster/eks-cluster';
import type { ExistingClusterProps } from '../cluster/existing-cluster';
import { ValidationError } from '../errors';
import type { OscarPlatformOptions } from '../platform/oscar-platform';
import type { ImagePullSecretConfig } from '../services/image-pull-secret';
import { clusterTarget, platformOptions } from './construct-options';
import { DeploymentConfigError, OverriddenSettingError } from './errors';
import { type ConfigFile, SCHEMA } from './schema';
import { checkShape, shapeSchema } from './shape';

/** Where the stacks keep their state: one file or object per stack (`<stack>.tfstate`). */
export interface StateConfig {
  /**
   * A folder (resolved against the config file's folder).
   * @default - not a local folder
   */
  readonly local?: { readonly dir: string };
  /**
   * An S3 bucket (encrypted; `keyPrefix` before each stack's key; optional DynamoDB lock table).
   * @default - not S3
   */
  readonly s3?: { readonly bucket: string; readonly region: string; readonly keyPrefix?: string; readonly dynamodbTable?: string };
}

/** A deployment config file, read and checked: what main.ts builds the stacks from. */
export interface DeploymentConfig {
  /** The config file. */
  readonly file: string;
  /**
   * The deployment's name: the identity its state is kept under (`state/<name>/` by default) and
   * checked against, so one deployment's state is never planned with another's config.
   * @default - derived from the file's path: `<file name>-<6 hex digits of its path's hash>` (see deploymentNameOf)
   */
  readonly name: string;
  /** The folder the default state folder (`state/<name>/`) is in: the folder cdktf runs in, where cdktf.json is. */
  readonly projectRoot: string;
  /**
   * The cluster target.
   * @default - none: a services-only deployment to an existing OSCAR (`services.oscar`)
   */
  readonly cluster?: { readonly eks?: EksClusterProps; readonly existing?: ExistingClusterProps };
  /** FDL files and folders, resolved against the config file's folder. */
  readonly fdl: readonly string[];
  /**
   * Only deploy the services an FDL file lists under this cluster id.
   * @default - every service in the files
   */
  readonly clusterId?: string;
  /**
   * An existing OSCAR to deploy the services to (its credentials come from sensitive variables).
   * @default - the OSCAR the platform stack installs
   */
  readonly oscar?: ServicesOscarSection;
  /**
   * Several OSCARs, by the FDL cluster id their services are listed under (not with `oscar` or
   * `clusterId`); `platform: true` names the one this deployment installs.
   * @default - one OSCAR (`oscar`, else the platform's)
   */
  readonly clusters?: Readonly<Record<string, ServicesClusterSection>>;
  /**
   * Keep Terraform from destroying services and shared buckets.
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * Registry credentials to create as image pull secrets (passwords from sensitive variables).
   * @default - none
   */
  readonly imagePullSecrets?: readonly ImagePullSecretConfig[];
  /**
   * Where each stack keeps its Terraform state, as the file's `state:` gives it (stateOf resolves the default).
   * @default - a local folder of this deployment's own: `<projectRoot>/state/<name>/`
   */
  readonly state?: StateConfig;
  /**
   * The OSCAR platform's settings (paths resolved against the config file's folder); false leaves it out.
   * @default - the platform with OscarPlatformOptions' defaults
   */
  readonly platform?: OscarPlatformOptions | false;
  /**
   * The error for a setting such as `cluster.eks.nodePools[1].maxSize`, at the line and column of its
   * value in the file; for a setting the file leaves out, at the nearest setting that would hold it.
   */
  errorAt(setting: string, problem: string, fix: string): DeploymentConfigError | OverriddenSettingError;
}

export { DeploymentConfigError, OverriddenSettingError };

/** A setting's value given outside the config file, and where it was given. */
export interface SettingOverride<T> {
  /** The value that replaces the file's. */
  readonly value: T;
  /** For messages: `OSCAR_FDL`, `the command line`. */
  readonly source: string;
}

/** The settings an environment variable or a command line may replace. */
export interface DeploymentOverrides {
  /** Replaces `services.fdl`. @default - the file's */
  readonly fdl?: SettingOverride<readonly string[]>;
  /** Replaces `services.clusterId`. @default - the file's */
  readonly clusterId?: SettingOverride<string>;
}

/**
 * The config with some settings replaced. Errors about a replaced setting name where its value was
 * given, not the file's line that no longer applies.
 */
export function overrideDeploymentConfig(config: DeploymentConfig, overrides: DeploymentOverrides): DeploymentConfig {
  const sources = new Map<string, string>();
  if (overrides.fdl) sources.set('services.fdl', overrides.fdl.source);
  if (overrides.clusterId) sources.set('services.clusterId', overrides.clusterId.source);
  return {
    ...config,
    fdl: overrides.fdl?.value ?? config.fdl,
    clusterId: overrides.clusterId?.value ?? config.clusterId,
    errorAt: (setting, problem, fix) => {
      const source = sources.get(setting);
      return source === undefined ? config.errorAt(setting, problem, fix) : new OverriddenSettingError(source, setting, problem, fix);
    },
  };
}

/** Options of {@link loadDeploymentConfig}. */
export interface DeploymentLoadOptions {
  /**
   * The project folder: the default state folder is `state/<name>/` in it, and a name derived from
   * the file's path hashes the path relative to it (so it is the same in every checkout).
   * @default - the current folder (cdktf runs the app in the folder of cdktf.json)
   */
  readonly projectRoot?: string;
}

/** What a deployment name may be: it names a folder and appears in messages. */
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * The name of a deployment whose config gives none: the file name without its extension, as a slug,
 * then the first 6 hex digits of the SHA-256 of the file's path relative to the project folder
 * (`config/sandbox.yaml` → `sandbox-<hash>`). The hash tells apart files of one name in different
 * folders; the path is relative so every checkout derives the same name. Moving or renaming the file
 * changes it (give `name:` to keep one).
 */
export function deploymentNameOf(file: string, projectRoot: string): string {
  const stem = path.basename(file, path.extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 32).replace(/^-+|-+$/g, '');
  const relative = path.relative(path.resolve(projectRoot), path.resolve(file)).split(path.sep).join('/');
  return `${stem || 'deployment'}-${createHash('sha256').update(relative).digest('hex').slice(0, 6)}`;
}

/** Where a deployment's stacks keep their state: the config's `state:`, else `state/<name>/` in the project folder. */
export function stateOf(config: Pick<DeploymentConfig, 'state' | 'name' | 'projectRoot'>): StateConfig {
  return config.state ?? { local: { dir: path.join(config.projectRoot, 'state', config.name) } };
}

/** Reads and checks a deployment config file. */
export function loadDeploymentConfig(file: string, options: DeploymentLoadOptions = {}): DeploymentConfig {
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = e.linePos?.[0] ?? { line: 1, col: 1 };
    throw new DeploymentConfigError(file, at.line, at.col, '', `not valid YAML: ${e.message.split('\n')[0]}`, 'correct the YAML syntax');
  }
  const positions = new Map<string, { line: number; col: number }>();
  const errorAtNode = (node: Node | null | undefined, setting: string, problem: string, fix: string) => {
    const at = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    return new DeploymentConfigError(file, at.line, at.col, setting, problem, fix);
  };
  const errorAt = (setting: string, problem: string, fix: string) => {
    let at = setting;
    while (at !== '' && !positions.has(at)) at = parentSetting(at);
    const { line, col } = positions.get(at) ?? { line: 1, col: 1 };
    return new DeploymentConfigError(file, line, col, setting, problem, fix);
  };
  checkShape(doc.contents as Node, SCHEMA, '', {
    record: (setting, node) => {
      if (node?.range) positions.set(setting, lines.linePos(node.range[0]));
    },
    fail: errorAtNode,
  });
  const config = doc.toJSON() as ConfigFile;

  // Factories of value classes check their options: their errors become errors at the setting's line.
  const build = <T>(setting: string, make: () => T, fields: Readonly<Record<string, string>> = {}): T => {
    try {
      return make();
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const field = fields[e.field] ?? e.field;
      throw errorAt(field ? `${setting}.${field}` : setting, e.problem, e.fix);
    }
  };

  const base = path.dirname(path.resolve(file));
  const services = config.services;
  const clusterEntries = Object.entries(services.clusters ?? {});
  if (services.clusters !== undefined) {
    if (services.oscar !== undefined || services.clusterId !== undefined) {
      throw errorAt(services.oscar !== undefined ? 'services.oscar' : 'services.clusterId', 'cannot be given with services.clusters',
        'name every OSCAR under services.clusters, by the cluster id its services are listed under');
    }
    if (clusterEntries.length === 0) throw errorAt('services.clusters', 'names no cluster', 'give at least one, by cluster id');
    const onPlatform = clusterEntries.filter(([, c]) => c.platform);
    if (onPlatform.length > 1) {
      throw errorAt(`services.clusters.${onPlatform[1][0]}.platform`, `is also set for ${onPlatform[0][0]}`, 'the deployment installs one OSCAR: set it once');
    }
    if (onPlatform.length === 1 && (config.cluster === undefined || config.platform === false)) {
      throw errorAt(`services.clusters.${onPlatform[0][0]}.platform`, 'names the OSCAR this deployment installs, and it installs none',
        'add a cluster target (and leave platform on), or give this cluster\'s endpoint');
    }
  }
  if (config.cluster === undefined) {
    if (services.oscar === undefined && services.clusters === undefined) {
      throw errorAtNode(doc.contents as Node, 'cluster', 'is missing',
        'give a cluster target (existing or eks), or services.oscar.endpoint to deploy only the services to an existing OSCAR');
    }
    if (config.platform !== undefined && config.platform !== false) {
      throw errorAt('platform', 'needs a cluster to install on', 'add a cluster target, or remove platform for a services-only deployment');
    }
    if (services.imagePullSecrets?.length) {
      throw errorAt('services.imagePullSecrets', 'needs a cluster to create the secrets in',
        'add the cluster target OSCAR runs on, or create the secrets another way and leave imagePullSecrets out');
    }
  }
  const exactlyOne = (setting: string, choices: readonly string[]) => {
    const value = setting.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], config);
    if (value === undefined || value === false) return;
    const given = choices.filter((c) => (value as Record<string, unknown>)[c] !== undefined);
    if (given.length !== 1) {
      throw errorAt(setting, given.length ? `has ${given.join(' and ')}` : 'names none of its choices',
        `give exactly one of ${choices.join(', ')}`);
    }
  };
  exactlyOne('cluster', ['existing', 'eks']);
  exactlyOne('platform.storage', ['storageClass', 'efs', 'nfsProvisioner']);
  exactlyOne('state', ['local', 's3']);
  exactlyOne('platform.tls.certManager.issuer', ['letsEncrypt', 'selfSigned', 'existing']);

  if (config.name !== undefined && !NAME.test(config.name)) {
    throw errorAt('name', `is ${JSON.stringify(config.name)}, not a deployment name`,
      'write 1 to 40 lowercase letters, digits and hyphens, starting and ending with a letter or digit (for example "sandbox-alice")');
  }
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());

  return {
    file,
    name: config.name ?? deploymentNameOf(file, projectRoot),
    projectRoot,
    cluster: config.cluster && clusterTarget(config.cluster, build, errorAt),
    platform: config.platform === undefined || config.platform === false ? config.platform : platformOptions(config.platform, base, build),
    fdl: services.fdl.map((f) => path.resolve(base, f)),
    clusterId: services.clusterId,
    oscar: services.oscar && withTokenFileFrom(base, services.oscar),
    clusters: services.clusters && Object.fromEntries(clusterEntries.map(([id, c]) => [id, withTokenFileFrom(base, c)])),
    preventDestroy: services.preventDestroy,
    imagePullSecrets: services.imagePullSecrets,
    state: config.state?.local ? { local: { dir: path.resolve(base, config.state.local.dir) } } : config.state,
    errorAt,
  };
}

/** An OSCAR's settings with its token file resolved against the config's folder. */
function withTokenFileFrom<T extends ServicesOscarSection>(base: string, oscar: T): T {
  return oscar.tokenFile ? { ...oscar, tokenFile: path.resolve(base, oscar.tokenFile) } : oscar;
}

/** The setting that holds another: `a.b[2].c` → `a.b[2]` → `a.b` → `a` → `` (the file). */
function parentSetting(setting: string): string {
  const last = /(\.[^.[]*|\[\d+\])$/.exec(setting);
  return last && last.index > 0 ? setting.slice(0, last.index) : '';
}

/**
 * An entry of `services.clusters`: one OSCAR, by the FDL cluster id its services are listed under.
 * Its secrets come from `TF_VAR_oscar__<id>__*` variables (`-` in the id becoming `_`).
 */
export interface ServicesClusterSection extends ServicesOscarSection {
  /** The OSCAR this deployment's platform installs (its endpoint and credentials). @default false */
  readonly platform?: boolean;
}

/**
 * `services.oscar`: where the services go and the settings of its credentials that are not secret;
 * secrets (password, tokens, client secret) come from `TF_VAR_oscar_*` variables.
 */
export interface ServicesOscarSection {
  /** URL of the OSCAR API. @default - the platform's, else `TF_VAR_oscar_endpoint` */
  readonly endpoint?: string;
  /** Basic-auth user. @default - the platform's, else `TF_VAR_oscar_username` */
  readonly username?: string;
  /** OIDC client of the refresh token (`TF_VAR_oscar_refresh_token`). @default - the refresh token's `azp` claim */
  readonly clientId?: string;
  /** OIDC issuer URL. @default - the refresh token's `iss` claim */
  readonly issuer?: string;
  /** File holding the current OIDC access token, relative to the config file. @default - none */
  readonly tokenFile?: string;
}

/** The `$id` of the deployment config JSON Schema (also committed as schema/deployment.schema.json). */
export const DEPLOYMENT_SCHEMA_ID = 'https://github.com/oscar-cdktf/oscar-cdktf/schema/deployment.schema.json';

/**
 * JSON Schema (draft-07) of deployment config files, from the same shape the loader checks them
 * against, so editors complete and check them as `oscar-cdktf validate --config` does (the loader's
 * further rules, such as one cluster target, need the loader).
 */
export function deploymentJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: DEPLOYMENT_SCHEMA_ID,
    title: 'oscar-cdktf deployment config',
    ...shapeSchema(SCHEMA),
  };
}
