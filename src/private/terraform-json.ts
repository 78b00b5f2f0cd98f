import { Fn, TerraformVariable, Token } from './cdktf';

/**
 * Escapes Terraform template sequences so a literal string reaches Terraform unchanged.
 * cdktf writes literal strings as they are, and Terraform would read `${…}` and `%{…}` in a
 * script as interpolation.
 */
export function escapeTemplateSequences(text: string): string {
  return text.replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
}

/**
 * Builds a JSON document as a Terraform string in which some values come from (sensitive)
 * variables: the literal parts are escaped, and each variable is spliced in with `jsonencode`, so
 * its value is quoted correctly and never appears in the synthesized configuration.
 */
export class JsonTemplate {
  private readonly slots = new Map<string, string>();

  /** A stand-in for the variable's (or token's) value, to put in the object passed to render(). */
  public slot(value: TerraformVariable | string | number): string {
    const marker = `__oscar_cdktf_slot_${this.slots.size}__`;
    this.slots.set(marker, Token.asString(Fn.jsonencode(value instanceof TerraformVariable ? value.value : value)));
    return marker;
  }

  public render(value: unknown): string {
    const text = escapeTemplateSequences(JSON.stringify(value));
    return text.replace(/"(__oscar_cdktf_slot_\d+__)"/g, (whole, marker: string) => this.slots.get(marker) ?? whole);
  }
}

/**
 * JSON text of a value in which some strings or numbers are Terraform tokens (references to other
 * resources, possibly in another stack): literals stay readable in cdk.tf.json, tokens are spliced in.
 */
export function jsonWithTokens(value: unknown): string {
  const template = new JsonTemplate();
  const walk = (v: unknown): unknown => {
    if ((typeof v === 'string' || typeof v === 'number') && Token.isUnresolved(v)) return template.slot(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return template.render(walk(value));
}

/** JSON with every object's keys sorted: equal values give equal text whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item !== null && typeof item === 'object' && !Array.isArray(item)
    ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : item));
}
