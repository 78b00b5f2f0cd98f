// The credentials a service holds: secret environment values, storage-provider keys and tokens, and the
// passwords of federated clusters. The field tables mark them (`secret`), so a credential field added
// there is found here, sent to the provider's write-only attribute and kept out of synthesized JSON.
import { type FieldTable, type FieldType, SERVICE_FIELDS } from './fields';

/** Where a credential sits in a service, e.g. `['storage_providers', 'minio', 'store', 'secret_key']`. */
export type SecretPath = readonly string[];

/** One credential of a service, with the value written in its definition. */
export interface SecretField {
  /** Where it sits in the service. */
  readonly path: SecretPath;
  /** The value the definition gives (often a placeholder, or empty). */
  readonly value: string;
  /**
   * The object that holds it, without its credentials (a storage provider's endpoint and region, a
   * cluster's endpoint and user): two definitions with equal settings are the same account.
   */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Every credential of a service (canonical or FDL form), in field-table order. */
export function secretFieldsOf(service: object): SecretField[] {
  const found: SecretField[] = [];
  visit(service as Record<string, unknown>, SERVICE_FIELDS, [], (path, value, settings) => {
    found.push({ path, value, settings });
    return value;
  });
  return found;
}

/**
 * A copy of `service` with each credential replaced by `value(path, literal)`: how a reference to a
 * variable takes the place of what the file says.
 */
export function withSecretValues<T extends object>(service: T, value: (path: SecretPath, literal: string) => string): T {
  return visit(service as Record<string, unknown>, SERVICE_FIELDS, [], (path, literal) => value(path, literal)) as T;
}

type Replace = (path: SecretPath, literal: string, settings: Readonly<Record<string, unknown>>) => string;

function visit(obj: Readonly<Record<string, unknown>>, fields: FieldTable, path: SecretPath, replace: Replace): Record<string, unknown> {
  const settings = Object.fromEntries(Object.entries(obj).filter(([k]) => !fields[k]?.secret));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const spec = fields[key];
    if (spec === undefined || value === undefined || value === null) copy[key] = value;
    else if (spec.secret && typeof value === 'string') copy[key] = replace([...path, key], value, settings);
    else if (spec.secret && spec.type.kind === 'stringMap' && typeof value === 'object') {
      copy[key] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [k, replace([...path, key, k], v, {})]));
    } else copy[key] = visitType(value, spec.type, [...path, key], replace);
  }
  return copy;
}

function visitType(value: unknown, type: FieldType, path: SecretPath, replace: Replace): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (type.kind === 'object') return visit(value as Record<string, unknown>, type.fields, path, replace);
  if (type.kind === 'map') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visitType(v, type.values, [...path, k], replace)]));
  }
  return value;
}
