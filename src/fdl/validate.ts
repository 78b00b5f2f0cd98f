// Semantic checks of one service, following the OSCAR manager's own rules (v4.1.2) and the
// Kubernetes naming rules its objects must satisfy. Type errors were already reported by the decoder.
import { EXPOSE_DEFAULTS } from './defaults';
import { childPath } from './decode';
import { Severity } from './diagnostics';
import {
  DELEGATION_POLICIES,
  EXPOSE_AUTH_TYPES,
  EXPOSE_PROBE_MODES,
  FEDERATION_TOPOLOGIES,
  INPUT_PROVIDER_TYPES,
  ISOLATION_LEVELS,
  KSERVE_MODEL_FORMATS,
  KSERVE_TYPES,
  LOG_LEVELS,
  MOUNT_PROVIDER_TYPES,
  OscarServiceSpec,
  REPLICA_TYPES,
  STORAGE_PROVIDER_TYPES,
  StorageIOConfig,
  StorageProviderType,
  VISIBILITIES,
  VOLUME_LIFECYCLE_POLICIES,
} from './model';
import { DNS_SUBDOMAIN, LABEL_KEY, LABEL_VALUE } from '../private/kubernetes-names';
import { BUCKET_NAME_PATTERN, MOUNT_OPTIONS_PATTERN, SERVICE_NAME_PATTERN, VOLUME_NAME_PATTERN } from './patterns';
import { bucketOf, parseProviderRef } from './paths';
import { parseQuantity } from './quantity';

/** Reports a finding at a path relative to the service (e.g. `input[0].path`). */
export type Reporter = (fieldPath: string, message: string, fix?: string, severity?: Severity) => void;

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const RESERVED_MOUNT_PATHS = ['/oscar/config', '/oscar/bin'];

/** Checks one service (its storage providers included) and reports every problem found. */
export function validateService(spec: OscarServiceSpec, report: Reporter): void {
  validateName(spec.name, report);
  if (spec.image !== undefined && spec.image.trim() === '') report('image', 'image is empty', 'name a container image, e.g. ghcr.io/grycap/cowsay');
  validateResources(spec, report);
  validateEnums(spec, report);
  validateEnvironment(spec, report);
  validateMetadata(spec, report);
  validateStorage(spec, report);
  validateSynchronous(spec, report);
  validateExpose(spec, report);
  validateVolume(spec, report);
  validateKserve(spec, report);
  validateFederation(spec, report);
  spec.image_pull_secrets?.forEach((secret, i) => {
    if (!DNS_SUBDOMAIN.test(secret)) {
      report(`image_pull_secrets[${i}]`, `'${secret}' is not a valid Secret name`, `use ${DNS_SUBDOMAIN.description}`);
    }
  });
}

function validateName(name: string | undefined, report: Reporter): void {
  if (name === undefined) return; // reported as missing by the decoder
  if (name.length > 39) {
    report('name', `'${name}' is ${name.length} characters long; OSCAR allows at most 39`, 'shorten the name');
  } else if (!SERVICE_NAME_PATTERN.test(name)) {
    report('name', `'${name}' is not a valid service name: it names Kubernetes objects and the default MinIO bucket`,
      "use 3-39 lower-case letters, digits and '-', starting with a letter and not ending with '-'");
  }
}

function validateQuantity(value: string | undefined, path: string, report: Reporter, example: string): void {
  if (value === undefined) return;
  const parsed = parseQuantity(value);
  if (parsed === undefined) {
    report(path, `'${value}' is not a Kubernetes quantity`, `write a quantity such as '${example}'`);
  } else if (parsed <= 0) {
    report(path, `'${value}' must be greater than zero`, `write a positive quantity such as '${example}'`);
  }
}

function validateResources(spec: OscarServiceSpec, report: Reporter): void {
  validateQuantity(spec.memory, 'memory', report, '512Mi');
  validateQuantity(spec.cpu, 'cpu', report, '0.5');
  validateQuantity(spec.ephemeral_storage_request, 'ephemeral_storage_request', report, '1Gi');
  validateQuantity(spec.total_memory, 'total_memory', report, '8Gi');
  validateQuantity(spec.total_cpu, 'total_cpu', report, '4');
}

function validateEnums(spec: OscarServiceSpec, report: Reporter): void {
  if (spec.log_level !== undefined && !(LOG_LEVELS as readonly string[]).includes(spec.log_level.toUpperCase())) {
    report('log_level', `'${spec.log_level}' is not a log level; the manager would silently use INFO`, `use one of ${LOG_LEVELS.join(', ')}`);
  }
  if (spec.visibility !== undefined && !(VISIBILITIES as readonly string[]).includes(spec.visibility)) {
    const lower = spec.visibility.toLowerCase();
    const fix = (VISIBILITIES as readonly string[]).includes(lower)
      ? `write '${lower}' in lower case: the manager compares it case-sensitively and treats anything else as public`
      : `use one of ${VISIBILITIES.join(', ')}`;
    report('visibility', `'${spec.visibility}' is not a visibility`, fix);
  }
  if (spec.isolation_level !== undefined && !(ISOLATION_LEVELS as readonly string[]).includes(spec.isolation_level.toUpperCase())) {
    report('isolation_level', `'${spec.isolation_level}' is not an isolation level`, `use one of ${ISOLATION_LEVELS.join(', ')}`);
  }
  if (spec.isolation_level?.toUpperCase() === 'USER' && !spec.allowed_users?.length) {
    report('isolation_level', 'USER isolation without allowed_users creates no per-user buckets', 'list the users in allowed_users', Severity.WARNING);
  }
}

function validateEnvironment(spec: OscarServiceSpec, report: Reporter): void {
  const variables = spec.environment?.variables ?? {};
  const secrets = spec.environment?.secrets ?? {};
  for (const [group, map] of [['variables', variables], ['secrets', secrets]] as const) {
    for (const key of Object.keys(map)) {
      if (!ENV_VAR_NAME.test(key)) {
        report(childPath(`environment.${group}`, key), `'${key}' is not a valid environment variable name`,
          "use letters, digits, '_', '-' and '.', not starting with a digit");
      }
    }
  }
  for (const key of Object.keys(secrets)) {
    if (key in variables) report(childPath('environment.secrets', key), `'${key}' is both a variable and a secret`, 'keep it in one of the two');
    if (secrets[key] !== '') {
      report(childPath('environment.secrets', key), 'the secret value is written in the FDL file, so it ends up in version control',
        'leave it empty in the file and supply it from a sensitive Terraform variable or an environment variable', Severity.WARNING);
    }
  }
}

function validateMetadata(spec: OscarServiceSpec, report: Reporter): void {
  for (const [group, map] of [['labels', spec.labels], ['annotations', spec.annotations]] as const) {
    for (const [key, value] of Object.entries(map ?? {})) {
      if (!LABEL_KEY.test(key)) {
        report(childPath(group, key), `'${key}' is not a valid Kubernetes ${group === 'labels' ? 'label' : 'annotation'} key`, `use ${LABEL_KEY.description}`);
      }
      if (group === 'labels' && !LABEL_VALUE.test(value)) {
        report(childPath('labels', key), `'${value}' is not a valid Kubernetes label value`, `use ${LABEL_VALUE.description}`);
      }
    }
  }
}

/**
 * What the manager (v4.1.2) needs of a storage provider a service uses: settings with a value, and
 * credentials at least declared (left empty in the file, their values come from variables). Without
 * them it half-creates the service: an external MinIO without region answered 500 `MissingRegion`
 * after the service's webhook was registered, and that webhook outlived every destroy.
 */
const PROVIDER_NEEDS: Partial<Record<StorageProviderType, { readonly settings: readonly string[]; readonly credentials: readonly string[] }>> = {
  minio: { settings: ['endpoint', 'region'], credentials: ['access_key', 'secret_key'] },
  s3: { settings: ['region'], credentials: ['access_key', 'secret_key'] },
  onedata: { settings: ['oneprovider_host', 'space'], credentials: ['token'] },
  webdav: { settings: ['hostname'], credentials: [] },
  rucio: { settings: ['host'], credentials: ['refresh_token'] },
};

function checkProviderSettings(
  name: string, provider: Record<string, unknown>, needs: NonNullable<typeof PROVIDER_NEEDS[StorageProviderType]>, at: string, report: Reporter,
): void {
  const missing = [
    ...needs.settings.filter((field) => typeof provider[field] !== 'string' || (provider[field] as string).trim() === ''),
    ...needs.credentials.filter((field) => provider[field] === undefined),
  ];
  if (missing.length === 0) return;
  const unset = missing.filter((f) => needs.settings.includes(f)).map((f) => `storage_providers.${name}.${f}`);
  const undeclared = missing.filter((f) => needs.credentials.includes(f));
  report(at, `storage provider '${name}' has no ${missing.join(', ')}: the manager cannot use it and would leave a half-created service behind`,
    [unset.length ? `set ${unset.join(', ')}` : '', undeclared.length ? `declare ${undeclared.join(', ')} (left empty: the value comes from a variable)` : '']
      .filter(Boolean).join('; '));
}

function validateStorage(spec: OscarServiceSpec, report: Reporter): void {
  const check = (io: StorageIOConfig, path: string, allowed: readonly StorageProviderType[], role: string) => {
    if (io.storage_provider === undefined || io.path === undefined) return; // reported as missing
    const { type, id } = parseProviderRef(io.storage_provider);
    if (!(STORAGE_PROVIDER_TYPES as readonly string[]).includes(type)) {
      report(`${path}.storage_provider`, `'${io.storage_provider}' is not a storage provider type`,
        `use one of ${STORAGE_PROVIDER_TYPES.join(', ')}, optionally followed by '.<id>'`);
      return;
    }
    const usable = allowed.includes(type as StorageProviderType) && !(role === 'an input' && type === 'minio' && id !== 'default');
    if (!allowed.includes(type as StorageProviderType)) {
      report(`${path}.storage_provider`, `'${type}' cannot be used as ${role}`, `use one of ${allowed.join(', ')}`);
    }
    const defined = (spec.storage_providers as Record<string, Record<string, Record<string, unknown>> | undefined> | undefined)?.[type];
    if (!(type === 'minio' && id === 'default') && !(defined && id in defined)) {
      report(`${path}.storage_provider`, `storage provider '${type}.${id}' is not defined in the file`,
        `define it under storage_providers.${type}.${id}, or use ${type === 'minio' ? "'minio' (the cluster's own MinIO)" : 'a defined id'}`);
    } else {
      const needs = PROVIDER_NEEDS[type as StorageProviderType];
      if (usable && defined?.[id] && needs) checkProviderSettings(`${type}.${id}`, defined[id], needs, `${path}.storage_provider`, report);
    }
    if (role === 'an input' && type === 'minio' && id !== 'default') {
      report(`${path}.storage_provider`, `inputs must come from the cluster's own MinIO, not '${type}.${id}'`, "use 'minio' or 'minio.default'");
    }
    if (io.path.replace(/^[\s/]+|[\s/]+$/g, '') === '') {
      report(`${path}.path`, 'path is empty', "write 'bucket/folder' (or 'folder', which means '<service name>/folder')");
    } else if ((type === 'minio' || type === 's3') && role !== 'a mount') {
      const bucket = bucketOf(spec.name ?? '', io.path);
      if (!BUCKET_NAME_PATTERN.test(bucket)) {
        report(`${path}.path`, `'${bucket}' is not a valid bucket name`, "use 3-63 lower-case letters, digits, '-' and '.'");
      }
    }
  };
  spec.input?.forEach((io, i) => check(io, `input[${i}]`, INPUT_PROVIDER_TYPES, 'an input'));
  spec.output?.forEach((io, i) => check(io, `output[${i}]`, STORAGE_PROVIDER_TYPES, 'an output'));
  if (spec.mount) {
    check(spec.mount, 'mount', MOUNT_PROVIDER_TYPES, 'a mount');
    const options = spec.mount.options;
    if (options !== undefined && options.trim() !== '' && !MOUNT_OPTIONS_PATTERN.test(options)) {
      report('mount.options', `'${options}' contains characters OSCAR does not allow in mount options`,
        'use only letters, digits, spaces and - _ . : = , /');
    }
  }
  const minioDefault = spec.storage_providers?.minio?.default;
  if (minioDefault !== undefined) {
    report('storage_providers.minio.default', "the manager always replaces 'minio.default' with the cluster's own MinIO",
      'remove it, or give this MinIO another id', Severity.WARNING);
  }
}

function validateSynchronous(spec: OscarServiceSpec, report: Reporter): void {
  const sync = spec.synchronous;
  if (!sync) return;
  if (sync.min_scale !== undefined && sync.min_scale < 0) report('synchronous.min_scale', 'must not be negative',
      'use 0 to scale to zero, or more to keep pods warm');
  if (sync.max_scale !== undefined && sync.max_scale < 0) report('synchronous.max_scale', 'must not be negative', 'use 0 for no upper bound');
  if (sync.min_scale !== undefined && sync.max_scale !== undefined && sync.max_scale > 0 && sync.min_scale > sync.max_scale) {
    report('synchronous.min_scale', `min_scale ${sync.min_scale} is above max_scale ${sync.max_scale}`, 'lower min_scale or raise max_scale');
  }
}

function validateExpose(spec: OscarServiceSpec, report: Reporter): void {
  const expose = spec.expose;
  if (!expose || !expose.api_port) return;
  if (expose.api_port.length === 0) report('expose.api_port', 'no port is given', 'list the container port(s) the service listens on, or remove expose');
  expose.api_port.forEach((port, i) => {
    if (port < 1 || port > 65535) report(`expose.api_port[${i}]`, `${port} is not a port number`, 'use a port between 1 and 65535');
  });
  if (expose.nodePort) {
    if (expose.nodePort.length !== expose.api_port.length) {
      report('expose.nodePort', `${expose.nodePort.length} node port(s) for ${expose.api_port.length} api port(s)`,
        'give exactly one nodePort per api_port (0 lets Kubernetes choose), or remove nodePort');
    }
    expose.nodePort.forEach((port, i) => {
      if (port !== 0 && (port < 30000 || port > 32767)) {
        report(`expose.nodePort[${i}]`, `${port} is outside the Kubernetes node port range`,
          'use a port between 30000 and 32767, or 0 to let Kubernetes choose');
      }
    });
  }
  const min = expose.min_scale ?? EXPOSE_DEFAULTS.min_scale;
  const max = expose.max_scale ?? EXPOSE_DEFAULTS.max_scale;
  if (min < 1) report('expose.min_scale', `${min} replicas: the autoscaler needs at least 1`,
      'use 1 or more (stop the service through the OSCAR API to scale it to zero)');
  if (max < min) report('expose.max_scale', `max_scale ${max} is below min_scale ${min}`, 'raise max_scale or lower min_scale');
  if (expose.cpu_threshold !== undefined && expose.cpu_threshold < 1) {
    report('expose.cpu_threshold', `${expose.cpu_threshold}% is not a usable CPU target`,
      `use a percentage of at least 1, e.g. ${EXPOSE_DEFAULTS.cpu_threshold}`);
  }
  if (expose.auth_type !== undefined && !isOneOf(EXPOSE_AUTH_TYPES, expose.auth_type)) {
    report('expose.auth_type', `'${expose.auth_type}' is not an authentication type`, `use ${choices(EXPOSE_AUTH_TYPES)}`);
  }
  if (expose.probe_mode !== undefined && !isOneOf(EXPOSE_PROBE_MODES, expose.probe_mode)) {
    report('expose.probe_mode', `'${expose.probe_mode}' is not a probe mode`, `use ${choices(EXPOSE_PROBE_MODES)}`);
  }
  if (expose.health_path !== undefined && !expose.health_path.startsWith('/')) {
    report('expose.health_path', `'${expose.health_path}' is not an absolute path`, `write '/${expose.health_path}'`);
  }
  if (spec.interlink_node_name) {
    report('expose', 'interLink services cannot be exposed', 'remove expose or interlink_node_name');
  }
}

function validateVolume(spec: OscarServiceSpec, report: Reporter): void {
  const volume = spec.volume;
  if (!volume) return;
  if (volume.mount_path !== undefined) {
    const mountPath = volume.mount_path.replace(/\/+$/, '');
    if (!volume.mount_path.startsWith('/')) {
      report('volume.mount_path', `'${volume.mount_path}' is not an absolute path`, `write '/${volume.mount_path}'`);
    } else if (RESERVED_MOUNT_PATHS.some((p) => mountPath === p || mountPath.startsWith(`${p}/`))) {
      report('volume.mount_path', `'${volume.mount_path}' is inside a path OSCAR reserves (${RESERVED_MOUNT_PATHS.join(', ')})`,
        'mount the volume elsewhere, e.g. /data');
    }
  }
  if (volume.name === undefined && volume.size === undefined) {
    report('volume', 'neither name nor size is given', 'give size to create a volume, or name to use an existing one');
  }
  if (volume.name !== undefined && !VOLUME_NAME_PATTERN.test(volume.name)) {
    report('volume.name', `'${volume.name}' is not a valid volume name`,
      'use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit');
  }
  validateQuantity(volume.size, 'volume.size', report, '1Gi');
  if (volume.lifecycle_policy !== undefined) {
    if (!isOneOf(VOLUME_LIFECYCLE_POLICIES, volume.lifecycle_policy)) {
      report('volume.lifecycle_policy', `'${volume.lifecycle_policy}' is not a lifecycle policy`, `use ${choices(VOLUME_LIFECYCLE_POLICIES)}`);
    } else if (volume.size === undefined) {
      report('volume.lifecycle_policy', 'a lifecycle policy only applies to a volume the service creates', 'add size, or remove lifecycle_policy');
    }
  }
}

function validateKserve(spec: OscarServiceSpec, report: Reporter): void {
  const kserve = spec.kserve;
  if (!kserve) return;
  if (kserve.type !== undefined && !isOneOf(KSERVE_TYPES, kserve.type)) {
    report('kserve.type', `'${kserve.type}' is not a KServe service type`, `use ${choices(KSERVE_TYPES)}`);
  }
  if (kserve.type === 'inference' && !kserve.inference) {
    report('kserve.inference', "type 'inference' needs inference.model_format", `add inference: { model_format: … } (${KSERVE_MODEL_FORMATS.join(', ')})`);
  }
  if (kserve.inference?.model_format !== undefined && !isOneOf(KSERVE_MODEL_FORMATS, kserve.inference.model_format)) {
    report('kserve.inference.model_format', `'${kserve.inference.model_format}' is not a supported model format`,
      `use one of ${KSERVE_MODEL_FORMATS.join(', ')}`);
  }
  validateQuantity(kserve.cpu, 'kserve.cpu', report, '1');
  validateQuantity(kserve.memory, 'kserve.memory', report, '1Gi');
  if (kserve.min_scale !== undefined && kserve.max_scale !== undefined && kserve.min_scale > kserve.max_scale) {
    report('kserve.min_scale', `min_scale ${kserve.min_scale} is above max_scale ${kserve.max_scale}`, 'lower min_scale or raise max_scale');
  }
}

function validateFederation(spec: OscarServiceSpec, report: Reporter): void {
  const federation = spec.federation;
  if (!federation) return;
  const enums: [keyof typeof federation, readonly string[]][] = [
    ['topology', FEDERATION_TOPOLOGIES],
    ['delegation', DELEGATION_POLICIES],
  ];
  for (const [key, allowed] of enums) {
    const value = federation[key];
    if (typeof value === 'string' && !allowed.includes(value)) report(`federation.${key}`, `'${value}' is not a valid ${key}`,
        `use one of ${allowed.join(', ')}`);
  }
  federation.members?.forEach((member, i) => {
    const path = `federation.members[${i}]`;
    if (member.type === 'oscar') {
      if (!member.cluster_id) report(`${path}.cluster_id`, 'an oscar replica needs cluster_id', 'name the cluster (a key of clusters)');
      else if (!spec.clusters?.[member.cluster_id]) {
        report(`${path}.cluster_id`, `cluster '${member.cluster_id}' is not defined in the file`,
          `define it under clusters.${member.cluster_id} with its endpoint`);
      } else if (!spec.clusters[member.cluster_id].endpoint?.trim()) {
        report(`${path}.cluster_id`, `cluster '${member.cluster_id}' has no endpoint: the manager cannot reach the replica`,
          `set clusters.${member.cluster_id}.endpoint to the URL of that OSCAR`);
      }
      if (!member.service_name) report(`${path}.service_name`, 'an oscar replica needs service_name', 'name the service on that cluster');
    } else if (member.type === 'endpoint') {
      if (!member.url) report(`${path}.url`, 'an endpoint replica needs url', 'give the URL of the endpoint');
    } else if (member.type !== undefined) {
      report(`${path}.type`, `'${member.type}' is not a replica type`, `use ${choices(REPLICA_TYPES)}`);
    }
  });
  if (federation.members?.length && spec.environment?.secrets?.refresh_token === undefined) {
    report('federation.members', 'a federated service needs environment.secrets.refresh_token (the manager answers 400 without it)',
      'add environment.secrets.refresh_token, supplied from a sensitive variable');
  }
}

/** Whether a value is one of a closed set of the model. */
function isOneOf(values: readonly string[], value: string): boolean {
  return values.includes(value);
}

/** A closed set in words, for a fix: `'a' or 'b'`, or `one of a, b, c`. */
function choices(values: readonly string[]): string {
  return values.length === 2 ? `'${values[0]}' or '${values[1]}'` : `one of ${values.join(', ')}`;
}
