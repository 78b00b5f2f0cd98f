// The deployment config: one YAML file saying which cluster to use or create, the platform's settings
// and which FDL files to deploy. Shapes are checked here, with file and line; meaning is checked by the
// constructs, whose errors addDeploymentStacks brings back to the line of the setting (errorAt).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { ClusterConnection } from '../cluster/connection';
import type { EksClusterProps } from '../cluster/eks-cluster';
import { EksNetwork, type NewVpcOptions } from '../cluster/eks-network';
import type { ExistingClusterGpuOptions, ExistingClusterProps } from '../cluster/existing-cluster';
import { GpuTolerationInjection } from '../cluster/gpu';
import { CapacityType, GpuVendor, TaintEffect } from '../cluster/node-pool';
import { InputError, ValidationError } from '../errors';
import { CertificateIssuer, type CertManagerOptions, type GatewayRef } from '../platform/cert-manager';
import { GatewayChoice, KnativeChoice, MinioChoice } from '../platform/component-choices';
import type { KnativeServingOptions } from '../platform/knative-serving';
import type { ExistingMinioOptions, MinioOptions } from '../platform/minio';
import type { OscarPlatformOptions } from '../platform/oscar-platform';
import { type EfsStorageOptions, type NfsProvisionerOptions, RwxStorage } from '../platform/rwx-storage';
import { GatewayServiceType, type GatewayTlsOptions, type TraefikOptions } from '../platform/traefik';
import type { ImagePullSecretConfig } from '../services/image-pull-secret';
import { type PinnedChart, VERSIONS } from '../versions';

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
    super(`${file}:${line}:${column}: ${setting ? `${setting}: ` : ''}${problem}. Fix: ${fix}.`);
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
    super(`${source} (replacing ${setting}): ${problem}. Fix: ${fix}.`);
    this.name = 'OverriddenSettingError';
  }
}

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

type Shape =
  | 'string' | 'number' | 'boolean' | 'strings' | 'labels'
  | { readonly fields: Readonly<Record<string, Shape>>; readonly required?: readonly string[] }
  | { readonly list: Shape }
  /** A mapping from ids the user chooses to values of one shape. */
  | { readonly map: Shape }
  | { readonly oneOf: readonly string[] }
  | { readonly orFalse: Shape };

/** A closed set of the file: the values of a TypeScript enum, so the two cannot drift apart. */
function oneOf(values: Readonly<Record<string, string>>): Shape {
  return { oneOf: Object.values(values) };
}

const OSCAR_FIELDS = { endpoint: 'string', username: 'string', clientId: 'string', issuer: 'string', tokenFile: 'string' } as const;
const TAINT: Shape = { fields: { key: 'string', value: 'string', effect: oneOf(TaintEffect) }, required: ['key', 'effect'] };
const NODE_POOL: Shape = {
  fields: {
    name: 'string', instanceTypes: 'strings', minSize: 'number', maxSize: 'number', desiredSize: 'number',
    capacityType: oneOf(CapacityType), diskSizeGib: 'number', labels: 'labels', taints: { list: TAINT },
    gpu: { fields: { vendor: oneOf(GpuVendor), count: 'number' }, required: ['count'] },
  },
  required: ['name', 'instanceTypes', 'maxSize'],
};
const CHART: Shape = { fields: { repository: 'string', chart: 'string', version: 'string', imageRepository: 'string', imageTag: 'string' } };
const PLATFORM: Shape = {
  fields: {
    host: 'string',
    tls: {
      fields: {
        secretName: 'string',
        certManager: {
          fields: {
            install: 'boolean', namespace: 'string',
            issuer: { fields: { letsEncrypt: { fields: { email: 'string', staging: 'boolean' }, required: ['email'] }, selfSigned: 'boolean',
              existing: 'string'} },
          },
          required: ['issuer'],
        },
      },
    },
    storage: {
      fields: {
        storageClass: 'string',
        efs: { fields: { fileSystemId: 'string', storageClassName: 'string' }, required: ['fileSystemId'] },
        nfsProvisioner: { fields: { storageClassName: 'string', size: 'string', backingStorageClassName: 'string', namespace: 'string' } },
      },
    },
    minio: {
      fields: {
        existing: { fields: { endpoint: 'string', rootUser: 'string', region: 'string', tlsVerify: 'boolean' }, required: ['endpoint', 'rootUser'] },
        namespace: 'string', rootUser: 'string', storageSize: 'string', storageClassName: 'string', memoryRequest: 'string', console: 'boolean',
        region: 'string',
      },
    },
    knative: {
      orFalse: {
        fields: {
          existing: 'boolean', servingVersion: 'string', operatorNamespace: 'string',
          autoscaler: {
            fields: {
              enableScaleToZero: 'boolean', scaleToZeroGracePeriod: 'string', scaleToZeroPodRetentionPeriod: 'string', initialScale: 'number',
              allowZeroInitialScale: 'boolean', minScale: 'number', maxScale: 'number', maxScaleLimit: 'number', stableWindow: 'string',
            },
          },
        },
      },
    },
    gateway: {
      orFalse: {
        fields: {
          existing: { fields: { name: 'string', namespace: 'string' }, required: ['name', 'namespace'] },
          namespace: 'string', serviceType: oneOf(GatewayServiceType), nodePorts: { fields: { http: 'number', https: 'number' } },
          gatewayApiCrds: { orFalse: { fields: { manifestFile: 'string', namespace: 'string' }, required: ['manifestFile'] } },
        },
      },
    },
    metricsServer: { orFalse: { fields: { namespace: 'string', kubeletInsecureTls: 'boolean' } } },
    oscar: {
      fields: {
        namespace: 'string', servicesNamespace: 'string', username: 'string',
        oidc: { fields: { issuers: 'strings', groups: 'strings', subject: 'string', admins: 'strings' }, required: ['issuers', 'groups'] },
        allowedImagePrefixes: 'strings', exposedServicesCorsOrigins: 'strings', requestTimeoutSeconds: 'number', resourceManager: 'boolean',
        supervisorVersion: 'string',
      },
    },
    versions: { fields: Object.fromEntries(Object.keys(VERSIONS).map((k) => [k, CHART])) },
    waitForPods: 'boolean',
  },
};

const SCHEMA: Shape = {
  fields: {
    name: 'string',
    cluster: {
      fields: {
        existing: {
          fields: {
            kubeconfig: 'string', context: 'string', host: 'string', clusterCaCertificate: 'string',
            gpu: { fields: { nodeSelector: 'labels', tolerationInjection: oneOf(GpuTolerationInjection) } },
          },
        },
        eks: {
          fields: {
            clusterName: 'string', region: 'string', kubernetesVersion: 'string',
            vpc: { fields: { cidr: 'string', availabilityZones: 'number', privateSubnetIds: 'strings' } },
            nodePools: { list: NODE_POOL }, publicAccessCidrs: 'strings', storageDrivers: 'boolean',
          },
          required: ['clusterName', 'region'],
        },
      },
    },
    platform: { orFalse: PLATFORM },
    state: {
      fields: {
        local: { fields: { dir: 'string' }, required: ['dir'] },
        s3: { fields: { bucket: 'string', region: 'string', keyPrefix: 'string', dynamodbTable: 'string' }, required: ['bucket', 'region'] },
      },
    },
    services: {
      fields: {
        fdl: 'strings', clusterId: 'string', preventDestroy: 'boolean',
        oscar: { fields: OSCAR_FIELDS },
        clusters: { map: { fields: { ...OSCAR_FIELDS, platform: 'boolean' } } },
        imagePullSecrets: { list: { fields: { name: 'string', server: 'string', username: 'string', revision: 'number' },
          required: ['name', 'server', 'username'] } },
      },
      required: ['fdl'],
    },
  },
  required: ['services'],
};

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

type Build = <T>(setting: string, make: () => T, fields?: Readonly<Record<string, string>>) => T;
type ErrorAt = DeploymentConfig['errorAt'];

// The cluster section as the cluster stack's props, with its connection and network built (and checked).
function clusterTarget(cluster: ClusterSection, build: Build, errorAt: ErrorAt): NonNullable<DeploymentConfig['cluster']> {
  if (cluster.existing) {
    const { kubeconfig, context, host, clusterCaCertificate, gpu } = cluster.existing;
    if ((kubeconfig === undefined) === (host === undefined)) {
      throw errorAt('cluster.existing', 'needs either kubeconfig or host (with clusterCaCertificate)',
        'give kubeconfig (and optionally context), or host and clusterCaCertificate with the token in KUBE_TOKEN');
    }
    const connection = kubeconfig !== undefined
      ? build('cluster.existing', () => ClusterConnection.fromKubeconfig(kubeconfig, context), { path: 'kubeconfig' })
      : build('cluster.existing', () => ClusterConnection.fromServer({ host: host!, clusterCaCertificate: clusterCaCertificate ?? '' }));
    return { existing: { connection, gpu } };
  }
  const { vpc, ...eks } = cluster.eks!;
  const network = vpc === undefined ? undefined : build('cluster.eks.vpc', () => (vpc.privateSubnetIds
    ? EksNetwork.existingVpc({ privateSubnetIds: vpc.privateSubnetIds })
    : EksNetwork.newVpc(vpc)));
  return { eks: { ...eks, network } };
}

// The platform section as construct options: value classes for storage and issuers, and local paths
// (chart folders, the Gateway API manifest) resolved against the config file's folder. The shape is
// checked already; the constructs check the meaning.
function platformOptions(p: PlatformSection, base: string, build: Build): OscarPlatformOptions {
  const local = (file: string) => path.resolve(base, file);
  const s = p.storage;
  const storage = s && (s.storageClass !== undefined
    ? build('platform.storage', () => RwxStorage.existingClass(s.storageClass!), { storageClassName: 'storageClass' })
    : s.efs !== undefined
      ? build('platform.storage.efs', () => RwxStorage.efs(s.efs!))
      : build('platform.storage.nfsProvisioner', () => RwxStorage.nfsProvisioner(s.nfsProvisioner)));
  const certManager = p.tls?.certManager;
  const { letsEncrypt, existing } = certManager?.issuer ?? {};
  const issuer = certManager && (letsEncrypt
    ? build('platform.tls.certManager.issuer.letsEncrypt', () => CertificateIssuer.letsEncrypt(letsEncrypt))
    : existing !== undefined
      ? build('platform.tls.certManager.issuer.existing', () => CertificateIssuer.existing(existing), { clusterIssuerName: '' })
      : CertificateIssuer.selfSigned());
  const tls = p.tls && { secretName: p.tls.secretName, certManager: certManager && issuer && { ...certManager, issuer } };
  const { existing: minioExisting, ...minioOptions } = p.minio ?? {};
  const minio = p.minio && (minioExisting ? MinioChoice.existing(minioExisting) : MinioChoice.install(minioOptions));
  const g = p.gateway;
  const gateway = g === undefined ? undefined
    : g === false ? GatewayChoice.none()
      : 'existing' in g ? GatewayChoice.existing(g.existing)
        : GatewayChoice.traefik({ ...g, gatewayApiCrds: g.gatewayApiCrds && { ...g.gatewayApiCrds, manifestFile: local(g.gatewayApiCrds.manifestFile) } });
  const { existing: knativeExists, ...knativeOptions } = p.knative || {};
  const knative = p.knative === undefined ? undefined
    : p.knative === false ? KnativeChoice.none() : knativeExists ? KnativeChoice.existing() : KnativeChoice.install(knativeOptions);
  const versions = p.versions && Object.fromEntries(Object.entries(p.versions).map(([component, chart]) => [
    component, chart.repository === '' && chart.chart !== undefined ? { ...chart, chart: local(chart.chart) } : chart,
  ]));
  return { ...p, storage, tls, minio, gateway, knative, versions };
}

// The file as SCHEMA lets it through: closed sets hold enum values, and every required setting is there.
interface ConfigFile {
  readonly name?: string;
  readonly cluster?: ClusterSection;
  readonly platform?: PlatformSection | false;
  readonly state?: StateConfig;
  readonly services: {
    readonly fdl: readonly string[];
    readonly clusterId?: string;
    readonly preventDestroy?: boolean;
    readonly oscar?: ServicesOscarSection;
    readonly clusters?: Readonly<Record<string, ServicesClusterSection>>;
    readonly imagePullSecrets?: readonly ImagePullSecretConfig[];
  };
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

interface ClusterSection {
  readonly existing?: {
    readonly kubeconfig?: string;
    readonly context?: string;
    readonly host?: string;
    readonly clusterCaCertificate?: string;
    readonly gpu?: ExistingClusterGpuOptions;
  };
  readonly eks?: Omit<EksClusterProps, 'network'> & { readonly vpc?: NewVpcOptions & { readonly privateSubnetIds?: readonly string[] } };
}

type PlatformSection = Omit<OscarPlatformOptions, 'storage' | 'tls' | 'minio' | 'knative' | 'gateway' | 'versions'> & {
  readonly minio?: MinioOptions & { readonly existing?: ExistingMinioOptions };
  readonly gateway?: TraefikOptions | { readonly existing: GatewayRef } | false;
  readonly storage?: { readonly storageClass?: string; readonly efs?: EfsStorageOptions; readonly nfsProvisioner?: NfsProvisionerOptions };
  readonly tls?: Omit<GatewayTlsOptions, 'certManager'> & {
    readonly certManager?: Omit<CertManagerOptions, 'issuer'> & {
      readonly issuer: {
        readonly letsEncrypt?: { readonly email: string; readonly staging?: boolean };
        readonly selfSigned?: boolean;
        readonly existing?: string;
      };
    };
  };
  readonly knative?: KnativeServingOptions & { readonly existing?: boolean } | false;
  readonly versions?: Readonly<Record<string, Partial<PinnedChart>>>;
};

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

function shapeSchema(shape: Shape): Record<string, unknown> {
  if (typeof shape === 'string') {
    return {
      string: { type: 'string' },
      number: { type: 'number' },
      boolean: { type: 'boolean' },
      strings: { type: 'array', items: { type: 'string' } },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    }[shape];
  }
  if ('orFalse' in shape) return { anyOf: [{ const: false }, shapeSchema(shape.orFalse)] };
  if ('oneOf' in shape) return { enum: [...shape.oneOf] };
  if ('list' in shape) return { type: 'array', items: shapeSchema(shape.list) };
  if ('map' in shape) return { type: 'object', additionalProperties: shapeSchema(shape.map) };
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(shape.fields).map(([key, field]) => [key, shapeSchema(field)])),
    ...(shape.required?.length ? { required: [...shape.required] } : {}),
  };
}

/** Checks a node against a shape, recording the position of every setting it visits. */
function checkShape(
  node: Node | null | undefined,
  shape: Shape,
  at: string,
  on: {
    record(setting: string, node: Node | null | undefined): void;
    fail(node: Node | null | undefined, setting: string, problem: string, fix: string): DeploymentConfigError;
  },
): void {
  on.record(at, node);
  const value = node?.toJSON();
  if (typeof shape === 'string') {
    const ok = {
      string: typeof value === 'string',
      number: typeof value === 'number',
      boolean: typeof value === 'boolean',
      strings: Array.isArray(value) && value.every((v) => typeof v === 'string'),
      labels: value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'),
    }[shape];
    const wanted = { string: 'a string', number: 'a number', boolean: 'true or false', strings: 'a list of strings',
      labels: 'a map of strings (quote values such as "true")'}[shape];
    if (!ok) throw on.fail(node, at, `is ${JSON.stringify(value)}, not ${wanted}`, `write ${wanted}`);
  } else if ('orFalse' in shape) {
    if (value !== false) checkShape(node, shape.orFalse, at, on);
  } else if ('oneOf' in shape) {
    if (!shape.oneOf.includes(value)) throw on.fail(node, at, `is ${JSON.stringify(value)}`, `use one of ${shape.oneOf.join(', ')}`);
  } else if ('map' in shape) {
    if (!isMap(node)) throw on.fail(node, at, 'is not a mapping', 'write "<id>: …" entries');
    for (const pair of node.items) checkShape(pair.value as Node, shape.map, `${at}.${String((pair.key as Node | null)?.toJSON())}`, on);
  } else if ('list' in shape) {
    if (!isSeq(node)) throw on.fail(node, at, 'is not a list', 'write a YAML list ("- …" entries)');
    node.items.forEach((item, i) => checkShape(item as Node, shape.list, `${at}[${i}]`, on));
  } else {
    if (!isMap(node)) throw on.fail(node, at || 'the file', 'is not a mapping', 'write "key: value" entries');
    for (const pair of node.items) {
      const key = String((pair.key as Node | null)?.toJSON());
      const child = at ? `${at}.${key}` : key;
      if (!(key in shape.fields)) throw on.fail(pair.key as Node, child, 'is not a known setting', `use one of ${Object.keys(shape.fields).join(', ')}`);
      checkShape(pair.value as Node, shape.fields[key], child, on);
    }
    for (const key of shape.required ?? []) {
      if (!node.has(key)) throw on.fail(node, at ? `${at}.${key}` : key, 'is missing', `add ${key}`);
    }
  }
}
