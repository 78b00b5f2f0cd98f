// The canonical API JSON of a service, in the shape of the generated oscar_service binding: the same
// fields, with the names cdktf gives Terraform attributes (snake_case → camelCase) everywhere but in
// user-keyed maps (variables, labels, provider ids), whose keys are data. The FDL field tables say
// which is which, so a field added to them needs no change here. Literal strings are escaped, so a
// script's `${HOME}` reaches the service as written instead of being read by Terraform.
import type { ApiService } from '../../fdl/canonical';
import { type FieldTable, type FieldType, SERVICE_FIELDS } from '../../fdl/fields';
import { Token } from '../../private/cdktf';
import { escapeTemplateSequences } from '../../private/terraform-json';

/** `storage_provider` → `storageProvider`; `nodePort` stays. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function convert(value: unknown, type: FieldType | undefined): unknown {
  if (typeof value === 'string') return Token.isUnresolved(value) ? value : escapeTemplateSequences(value);
  if (value === null || typeof value !== 'object') return value;
  switch (type?.kind) {
    case 'list':
      return (value as unknown[]).map((item) => convert(item, type.items));
    case 'map':
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, type.values)]));
    case 'object':
      return convertObject(value as Record<string, unknown>, type.fields);
    default:
      // String maps (variables, labels) and anything the tables do not describe: keys are data.
      return Array.isArray(value) ? value.map((v) => convert(v,
        undefined)) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, undefined)]));
  }
}

// Keys the tables do not describe (unknown keys of a `clusters` entry, which the loader only warns
// about) have no attribute in the provider's schema: they are left out.
function convertObject(obj: Record<string, unknown>, fields: FieldTable): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k in fields).map(([k, v]) => [camelCase(k), convert(v, fields[k].type)]));
}

/** `storage_provider` → `storageProvider`, as a type. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/**
 * T with cdktf's attribute names: what {@link serviceBindingConfig} makes of it. Keys of user-keyed
 * maps are `string`, which stays `string`, so the type holds for them too.
 */
export type BindingConfig<T> = T extends readonly (infer Item)[] ? BindingConfig<Item>[]
  : T extends object ? { -readonly [K in keyof T as K extends string ? CamelCase<K> : K]: BindingConfig<T[K]> } : T;

/** Converts a service's canonical API JSON into the config of the oscar_service binding. */
export function serviceBindingConfig(apiJson: ApiService): BindingConfig<ApiService> {
  // The conversion follows the field tables at run time; BindingConfig says the same at compile time.
  return convertObject({ ...apiJson }, SERVICE_FIELDS) as BindingConfig<ApiService>;
}
