// The small language the deployment config's schema is written in: checking a YAML node against a
// shape (with the position of every setting, for errors) and rendering a shape as JSON Schema.
import { isMap, isSeq, type Node } from 'yaml';
import type { DeploymentConfigError } from './errors';

export type Shape =
  | 'string' | 'number' | 'boolean' | 'strings' | 'labels'
  | { readonly fields: Readonly<Record<string, Shape>>; readonly required?: readonly string[] }
  | { readonly list: Shape }
  /** A mapping from ids the user chooses to values of one shape. */
  | { readonly map: Shape }
  | { readonly oneOf: readonly string[] }
  | { readonly orFalse: Shape };

/** A closed set of the file: the values of a TypeScript enum, so the two cannot drift apart. */
export function oneOf(values: Readonly<Record<string, string>>): Shape {
  return { oneOf: Object.values(values) };
}

export function shapeSchema(shape: Shape): Record<string, unknown> {
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
export function checkShape(
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
