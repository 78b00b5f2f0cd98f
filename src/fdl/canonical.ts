// The canonical API form of a service: exactly what `POST /system/services` should receive so that
// what the manager stores and returns equals what was sent (plans then converge). Defaults the
// manager fills in are sent explicitly, values it rewrites are sent already rewritten, and empty
// values are left out rather than sent as `[]`/`{}` the manager would echo back as null.
import { EXPOSE_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
import { EXPOSE_FIELDS, SERVICE_FIELDS } from './fields';
import { Expose, OscarServiceSpec, StorageIOConfig, StorageProviders } from './model';
import { type SecretPath, withSecretValues } from './secrets';
import { managerPath, parseProviderRef, trimPath } from './paths';


/** Options of {@link toApiJson}. */
export interface CanonicalOptions {
  /**
   * Value sent for each credential (`environment.secrets` values, storage-provider keys and tokens,
   * `clusters` passwords; see {@link secretFieldsOf}), for example a Terraform variable reference.
   * @default - the value written in the FDL
   */
  readonly secretValue?: (path: SecretPath, literal: string) => string;
}

/**
 * A service in the manager's wire form: the FDL service with the manager's defaults filled in, the
 * values it rewrites already rewritten, and empty values left out.
 */
export type ApiService = OscarServiceSpec;

/** Renders a service into the JSON body the OSCAR manager's `POST /system/services` takes and stores. */
export function toApiJson(spec: OscarServiceSpec, options: CanonicalOptions = {}): ApiService {
  const normalized: ApiService = {
    ...spec,
    memory: spec.memory ?? SERVICE_DEFAULTS.memory,
    cpu: spec.cpu ?? SERVICE_DEFAULTS.cpu,
    log_level: (spec.log_level ?? SERVICE_DEFAULTS.log_level).toUpperCase() as ApiService['log_level'],
    visibility: spec.visibility ?? SERVICE_DEFAULTS.visibility,
    script: spec.script.replace(/\r\n?/g, '\n'),
    isolation_level: spec.isolation_level?.toUpperCase() as ApiService['isolation_level'],
    input: spec.input?.map((io) => canonicalIO(spec.name, io)),
    output: spec.output?.map((io) => canonicalIO(spec.name, io)),
    mount: spec.mount && { ...spec.mount, path: trimPath(spec.mount.path) },
    expose: spec.expose && canonicalExpose(spec.expose),
    environment: spec.environment && {
      variables: spec.environment.variables,
      secrets: spec.environment.secrets,
    },
    storage_providers: spec.storage_providers && withoutManagerMinio(spec.storage_providers),
    allowed_users: spec.allowed_users?.filter((u) => u.trim() !== ''),
  };
  const withSecrets = options.secretValue ? withSecretValues(normalized, options.secretValue) : normalized;
  // Key order follows the field table, so the same service always renders to the same text.
  // (never empty: name, image and script are required)
  return orderedWithoutEmpty(withSecrets, Object.keys(SERVICE_FIELDS))!;
}

function canonicalIO(serviceName: string, io: StorageIOConfig): StorageIOConfig {
  const { type } = parseProviderRef(io.storage_provider);
  return { ...io, path: type === 'minio' || type === 's3' ? managerPath(serviceName, io.path) : trimPath(io.path) };
}

function canonicalExpose(expose: Expose): Expose {
  return orderedWithoutEmpty(
    {
      ...expose,
      min_scale: expose.min_scale ?? EXPOSE_DEFAULTS.min_scale,
      max_scale: expose.max_scale ?? EXPOSE_DEFAULTS.max_scale,
      cpu_threshold: expose.cpu_threshold ?? EXPOSE_DEFAULTS.cpu_threshold,
    },
    Object.keys(EXPOSE_FIELDS),
  )!; // (never empty: the scales are always set)
}

/** The manager owns `minio.default` (it always overwrites it), so it is never sent. */
function withoutManagerMinio(providers: StorageProviders): StorageProviders {
  if (!providers.minio?.default) return providers;
  const { default: _managed, ...minio } = providers.minio;
  return { ...providers, minio };
}

/**
 * Boolean fields whose default is true (TLS verification of other clusters and MinIO servers, KServe
 * route protection): `false` is a choice, not a zero value, so it is sent.
 */
const FALSE_IS_NOT_DEFAULT = new Set(['ssl_verify', 'verify', 'set_auth']);

/**
 * Copies an object with `order` keys first (then the rest, sorted), dropping undefined, `false` (but
 * see FALSE_IS_NOT_DEFAULT), empty strings, empty lists and empty objects at every level: the
 * manager's zero values.
 */
/** obj without empty values (see pruned), its keys in the given order: the same object, of the same type. */
function orderedWithoutEmpty<T extends object>(obj: T, order: readonly string[]): T | undefined {
  const fields = obj as Record<string, unknown>;
  const keys = [...order.filter((k) => k in fields), ...Object.keys(fields).filter((k) => !order.includes(k)).sort()];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = fields[key] === false && FALSE_IS_NOT_DEFAULT.has(key) ? false : pruned(fields[key]);
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length > 0 ? out as T : undefined;
}

function pruned(value: unknown): unknown {
  if (value === undefined || value === null || value === false || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'object' && v !== null ? pruned(v) ?? {} : v));
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const isPlainMap = entries.every(([, v]) => typeof v === 'string');
    // String maps (variables, labels) keep empty values: an empty variable is still a variable.
    if (isPlainMap) return entries.length > 0 ? Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
    return orderedWithoutEmpty(value as Record<string, unknown>, []);
  }
  return value;
}
