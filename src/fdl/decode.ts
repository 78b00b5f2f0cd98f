// Turns YAML nodes into typed values following the field tables, recording every problem with its
// position instead of stopping at the first one.
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Scalar } from 'yaml';
import { Diagnostic, Severity, SourcePosition } from './diagnostics';
import { FieldSpec, FieldTable, FieldType } from './fields';

/** Appends a key to a field path, quoting keys that are not plain identifiers. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const part = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
  if (!parent) return part;
  return part.startsWith('"') ? `${parent}[${part}]` : `${parent}.${part}`;
}

/** Decoding state of one file: its text, positions of every decoded field, and the findings so far. */
export class DecodeContext {
  public readonly diagnostics: Diagnostic[] = [];
  private readonly positions = new Map<string, SourcePosition>();

  constructor(
    public readonly file: string,
    private readonly text: string,
    private readonly lines: LineCounter,
    private readonly doc?: Document,
  ) {}

  public positionAt(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  public positionOf(node: Node | null | undefined): SourcePosition {
    return node?.range ? this.positionAt(node.range[0]) : { file: this.file, line: 1, column: 1 };
  }

  /** Position recorded for a field path, or that of its nearest recorded ancestor. */
  public positionOfPath(path: string): SourcePosition {
    for (let p = path; p; p = parentOf(p)) {
      const found = this.positions.get(p);
      if (found) return found;
    }
    return { file: this.file, line: 1, column: 1 };
  }

  public record(path: string, node: Node | null | undefined): void {
    if (node?.range) this.positions.set(path, this.positionOf(node));
  }

  public report(severity: Severity, at: SourcePosition, path: string, message: string, fix?: string): void {
    this.diagnostics.push({ ...at, severity, path, message, ...(fix ? { fix } : {}) });
  }

  public error(node: Node | null | undefined, path: string, message: string, fix?: string): void {
    this.report(Severity.ERROR, this.positionOf(node), path, message, fix);
  }

  public warning(node: Node | null | undefined, path: string, message: string, fix?: string): void {
    this.report(Severity.WARNING, this.positionOf(node), path, message, fix);
  }

  /** The text a node was written as (so YAML `1.0` stays "1.0" rather than becoming 1). */
  public sourceText(node: Node): string {
    return node.range ? this.text.slice(node.range[0], node.range[1]).trim() : String((node as Scalar).value);
  }

  public resolve(node: unknown): Node | null {
    if (isAlias(node)) return (this.doc ? (node.resolve(this.doc) as Node | undefined) : undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  /** Whether a value is absent or written as nothing (`key:`, `key: null`, `key: ~`). */
  private isNull(node: unknown): boolean {
    const value = this.resolve(node);
    return value === null || (isScalar(value) && value.value === null);
  }

  /** Decodes a node as `type`; returns undefined for absent or null values and for values with errors. */
  public decode(raw: unknown, type: FieldType, path: string): unknown {
    const node = this.resolve(raw);
    if (node === null || (isScalar(node) && node.value === null)) return undefined;
    this.record(path, node);
    switch (type.kind) {
      case 'string':
        return this.scalarText(node, path, 'a string');
      case 'quantity':
        if (isScalar(node) && typeof node.value === 'boolean') {
          this.error(node, path, `expected a quantity such as '512Mi' or '0.5', got ${describe(node)}`,
            "write a quantity, e.g. '1Gi' for memory or '0.5' for CPU");
          return undefined;
        }
        return this.scalarText(node, path, "a quantity such as '512Mi' or '0.5'");
      case 'boolean':
        if (isScalar(node) && typeof node.value === 'boolean') return node.value;
        this.error(node, path, `expected true or false, got ${describe(node)}`, 'write true or false without quotes');
        return undefined;
      case 'integer':
        if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
        this.error(node, path, `expected a whole number, got ${describe(node)}`, 'write a whole number without quotes');
        return undefined;
      case 'stringMap':
        return this.decodeStringMap(node, path);
      case 'list':
        return this.decodeList(node, type, path);
      case 'object':
        return this.decodeObject(node, type.fields, path);
      case 'map':
        return this.decodeMap(node, type.values, path);
    }
  }

  /**
   * Decodes a mapping against a field table: keys match case-insensitively (as in the manager's
   * JSON decoding), required fields must be present, unknown keys are reported as warnings.
   * `extra` holds keys the caller handles itself (legacy forms); their nodes are returned to it.
   */
  public decodeObject(
    node: Node,
    fields: FieldTable,
    path: string,
    extra: FieldTable = {},
  ): (Record<string, unknown> & { [EXTRA]?: Record<string, Node | null> }) | undefined {
    if (!isMap(node)) {
      this.error(node, path, `expected a mapping of fields, got ${describe(node)}`, `write the fields indented under '${path.split('.').pop()}:'`);
      return undefined;
    }
    const byName = fieldIndex(fields);
    const extraByName = fieldIndex(extra);
    const result: Record<string, unknown> & { [EXTRA]?: Record<string, Node | null> } = {};
    const seen = new Map<string, string>();
    for (const pair of node.items) {
      const keyNode = this.resolve(pair.key);
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined) {
        this.error(keyNode, path, 'keys must be plain names', 'write each key as plain text');
        continue;
      }
      const canonical = byName.get(key.toLowerCase()) ?? extraByName.get(key.toLowerCase());
      const fieldPath = childPath(path, key);
      if (!canonical) {
        const suggestion = closest(key, [...Object.keys(fields)]);
        this.warning(keyNode, fieldPath, `unknown field '${key}' is ignored by OSCAR`,
          suggestion ? `did you mean '${suggestion}'?` : `remove it; known fields here: ${Object.keys(fields).join(', ')}`);
        continue;
      }
      const previous = seen.get(canonical);
      if (previous !== undefined) {
        this.error(keyNode, fieldPath, `field '${canonical}' is given twice (also as '${previous}')`, 'keep only one of them');
        continue;
      }
      seen.set(canonical, key);
      const canonicalPath = childPath(path, canonical);
      if (canonical in extra) {
        this.record(canonicalPath, this.resolve(pair.value));
        (result[EXTRA] ??= {})[canonical] = this.resolve(pair.value);
        continue;
      }
      const value = this.decode(pair.value, fields[canonical].type, canonicalPath);
      if (value !== undefined) result[canonical] = value;
      // A credential left empty is declared, its value given elsewhere (a variable): kept as ''.
      else if (fields[canonical].secret && this.isNull(pair.value)) result[canonical] = '';
    }
    for (const [name, spec] of Object.entries(fields)) {
      if (spec.required && !seen.has(name)) {
        this.error(node, childPath(path, name), `required field '${name}' is missing`, `add '${name}:' (${spec.description})`);
      }
    }
    return result;
  }

  private scalarText(node: Node, path: string, expected: string): string | undefined {
    if (isScalar(node)) return typeof node.value === 'string' ? node.value : this.sourceText(node);
    this.error(node, path, `expected ${expected}, got ${describe(node)}`, 'write a single value on the same line as the key');
    return undefined;
  }

  private decodeStringMap(node: Node, path: string): Record<string, string> | undefined {
    if (!isMap(node)) {
      this.error(node, path, `expected a mapping of names to values, got ${describe(node)}`, "write one 'NAME: value' per line, indented");
      return undefined;
    }
    const result: Record<string, string> = {};
    for (const pair of node.items) {
      const keyNode = this.resolve(pair.key);
      if (!isScalar(keyNode) || keyNode.value === null) {
        this.error(keyNode, path, 'names must be plain strings', 'write each name as plain text');
        continue;
      }
      const key = String(keyNode.value);
      const entryPath = childPath(path, key);
      if (key in result) {
        this.error(keyNode, entryPath, `'${key}' is given twice`, 'keep only one of them');
        continue;
      }
      const value = this.resolve(pair.value);
      this.record(entryPath, value ?? keyNode);
      if (value === null || (isScalar(value) && value.value === null)) {
        result[key] = '';
      } else if (isScalar(value)) {
        result[key] = typeof value.value === 'string' ? value.value : this.sourceText(value);
      } else if (isSeq(value) && value.items.every((item) => isScalar(this.resolve(item)))) {
        // Real FDL files write placeholders like `[aws_access_key_id]`, which YAML reads as a list.
        result[key] = this.sourceText(value);
        this.warning(value, entryPath, `value is a YAML list, used as the literal text ${this.sourceText(value)}`,
          `quote it ('${this.sourceText(value)}') or put the real value`);
      } else {
        this.error(value, entryPath, `expected a text value, got ${describe(value)}`, 'write a single value; quote it if it contains special characters');
      }
    }
    return result;
  }

  private decodeList(node: Node, type: Extract<FieldType, { kind: 'list' }>, path: string): unknown[] | undefined {
    if (isSeq(node)) {
      const items: unknown[] = [];
      node.items.forEach((item, i) => {
        const value = this.decode(item, type.items, childPath(path, i));
        if (value !== undefined) items.push(value);
      });
      return items;
    }
    if (type.acceptScalar && isScalar(node)) {
      const value = this.decode(node, type.items, childPath(path, 0));
      return value === undefined ? undefined : [value];
    }
    this.error(node, path, `expected a list, got ${describe(node)}`, 'write one item per line, each starting with "- "');
    return undefined;
  }

  private decodeMap(node: Node, values: FieldType, path: string): Record<string, unknown> | undefined {
    if (!isMap(node)) {
      this.error(node, path, `expected a mapping of ids to settings, got ${describe(node)}`, "write one '<id>:' per entry with its settings indented under it");
      return undefined;
    }
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = this.resolve(pair.key);
      if (!isScalar(keyNode) || keyNode.value === null) {
        this.error(keyNode, path, 'ids must be plain names', 'write each id as plain text');
        continue;
      }
      const key = String(keyNode.value);
      const value = this.decode(pair.value, values, childPath(path, key));
      result[key] = value ?? {};
    }
    return result;
  }
}

/** Marker under which decodeObject returns the nodes of `extra` fields. */
export const EXTRA = Symbol('extra');

function fieldIndex(fields: FieldTable): Map<string, string> {
  const index = new Map<string, string>();
  for (const [name, spec] of Object.entries(fields) as [string, FieldSpec][]) {
    index.set(name.toLowerCase(), name);
    for (const alias of spec.aliases ?? []) index.set(alias.toLowerCase(), name);
  }
  return index;
}

function parentOf(path: string): string {
  const m = /^(.*?)(?:\.[A-Za-z0-9_-]+|\[[^\]]*\])$/.exec(path);
  return m ? m[1] : '';
}

/** A short description of what a node holds, for "expected X, got Y" messages. */
export function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return `the text ${JSON.stringify(v)}`;
    if (typeof v === 'boolean') return `the boolean ${v}`;
    if (typeof v === 'number') return `the number ${v}`;
  }
  return 'an unsupported value';
}

/** The candidate within edit distance 2 of `word`, if any, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
