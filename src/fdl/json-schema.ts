// JSON Schema (draft-07, what YAML editors support) for FDL files, generated from the field tables
// the loader uses, so editors and `oscar-cdktf validate` agree on what a field is.
import { FieldSpec, FieldTable, FieldType, FILE_FIELDS, LEGACY_SERVICE_FIELDS, SERVICE_FIELDS } from './fields';

type Schema = Record<string, unknown>;

/** The `$id` of the FDL JSON Schema (also committed as schema/fdl.schema.json). */
export const FDL_SCHEMA_ID = 'https://github.com/oscar-cdktf/oscar-cdktf/schema/fdl.schema.json';

/** Builds the JSON Schema of an FDL file. */
export function fdlJsonSchema(): Schema {
  const service = objectSchema({ ...SERVICE_FIELDS, ...LEGACY_SERVICE_FIELDS }, false, ['script', 'name', 'image']);
  // `script` is the only field whose FDL form (a path) differs from its API form (the content).
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: FDL_SCHEMA_ID,
    title: 'OSCAR FDL file (oscar-cli format, OSCAR v4.1)',
    type: 'object',
    required: ['functions'],
    additionalProperties: false,
    properties: {
      functions: {
        description: FILE_FIELDS.functions.description,
        type: 'object',
        required: ['oscar'],
        properties: {
          oscar: {
            description: 'List of services, each under the id of the cluster it is deployed to',
            type: 'array',
            items: { type: 'object', minProperties: 1, additionalProperties: service },
          },
        },
      },
      storage_providers: fieldSchema(FILE_FIELDS.storage_providers),
      clusters: fieldSchema(FILE_FIELDS.clusters),
    },
  };
}

function fieldSchema(spec: FieldSpec): Schema {
  const schema: Schema = { description: spec.description, ...typeSchema(spec.type) };
  if (spec.enum) schema.enum = spec.enum;
  return schema;
}

function typeSchema(type: FieldType): Schema {
  switch (type.kind) {
    case 'string':
      // null (an empty value) is read as "not given".
      return { type: ['string', 'number', 'boolean', 'null'] };
    case 'quantity':
      return { type: ['string', 'number', 'null'] };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'stringMap':
      return { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
    case 'list': {
      const list = { type: 'array', items: typeSchema(type.items) };
      return type.acceptScalar ? { anyOf: [list, typeSchema(type.items)] } : list;
    }
    case 'object':
      return objectSchema(type.fields, type.allowUnknown ?? false);
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.values) };
  }
}

function objectSchema(fields: FieldTable, allowUnknown: boolean, order: readonly string[] = []): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    properties[name] = fieldSchema(spec);
    for (const alias of spec.aliases ?? []) properties[alias] = { ...fieldSchema(spec), description: `${spec.description} (spelling used by oscar-cli)` };
    if (spec.required) required.push(name);
  }
  const sortedRequired = [...order.filter((n) => required.includes(n)), ...required.filter((n) => !order.includes(n))];
  return {
    type: 'object',
    ...(sortedRequired.length ? { required: sortedRequired } : {}),
    additionalProperties: allowUnknown,
    properties,
  };
}
