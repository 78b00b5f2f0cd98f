// Reads FDL files in oscar-cli's format into typed services, with every problem located by file,
// line, column and field path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { childPath, DecodeContext, describe, EXTRA } from './decode';
import { Diagnostic, FdlValidationError, hasErrors, Severity, SourcePosition } from './diagnostics';
import { FILE_FIELDS, LEGACY_SERVICE_FIELDS, SERVICE_FIELDS } from './fields';
import { ClusterRef, Federation, OscarServiceSpec, Replica, StorageProviders } from './model';
import { validateService } from './validate';

/** A service read from an FDL file, with where it came from. */
export interface LoadedService {
  /** The service, with its script inlined: the form the OSCAR API takes. */
  readonly spec: OscarServiceSpec;
  /** The cluster id the file assigns the service to (its key in `functions.oscar`). */
  readonly clusterId: string;
  /** Absolute path of the FDL file. */
  readonly file: string;
  /**
   * Absolute path of the script file.
   * @default - none: the script was not found, or not read
   */
  readonly scriptFile?: string;
  /** Path of the service in the document, e.g. `functions.oscar[0].oscar-cluster`. */
  readonly documentPath: string;
  /** Where the service starts in the file. */
  readonly position: SourcePosition;
}

/** The outcome of loading FDL files: the services and every finding. */
export interface FdlLoadResult {
  /** The services that could be read (a service with errors is still listed). */
  readonly services: readonly LoadedService[];
  /** Every finding, errors and warnings, in file order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of the FDL loader. */
export interface FdlLoadOptions {
  /**
   * Read `script:` files outside the FDL file's folder (`../x.sh`, absolute paths, symlinks that lead
   * out). Off by default: FDL files from untrusted sources (pull requests in CI) could otherwise send
   * any file the runner can read to the cluster as a service script.
   * @default false
   */
  readonly allowScriptsOutsideFolder?: boolean;
}

/**
 * Loads one FDL file: parses the YAML, checks every field, inlines the scripts (paths relative to
 * the file), converts legacy forms, and validates each service. Never throws on bad input: problems
 * come back as diagnostics.
 */
export function loadFdlFile(file: string, options: FdlLoadOptions = {}): FdlLoadResult {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot read the file (${(e as Error).message})`;
    return { services: [], diagnostics: [{ file: absolute, line: 1, column: 1, severity: Severity.ERROR, path: '', message: reason, fix: 'check the path' }] };
  }
  return loadFdlText(text, absolute, options);
}

/** Loads FDL text as if it were the file `file` (scripts are resolved relative to its folder). */
export function loadFdlText(text: string, file: string, options: FdlLoadOptions = {}): FdlLoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx = new DecodeContext(file, text, lines, doc);
  for (const e of [...doc.errors, ...doc.warnings]) {
    const severity = doc.errors.includes(e) ? Severity.ERROR : Severity.WARNING;
    ctx.report(severity, ctx.positionAt(e.pos[0]), '', `YAML ${severity === Severity.ERROR ? 'syntax error' : 'warning'}: ${firstLine(e.message)}`,
      severity === Severity.ERROR ? 'fix the YAML syntax (indentation, quotes, colons) at this position' : undefined);
  }
  if (hasErrors(ctx.diagnostics)) return { services: [], diagnostics: ctx.diagnostics };

  const root = ctx.resolve(doc.contents);
  if (root === null || !isMap(root)) {
    ctx.error(root, '', `an FDL file must be a mapping with 'functions.oscar', got ${describe(root)}`, 'start the file with "functions:" and "  oscar:"');
    return { services: [], diagnostics: ctx.diagnostics };
  }
  const top = ctx.decodeObject(root, { storage_providers: FILE_FIELDS.storage_providers, clusters: FILE_FIELDS.clusters }, '',
    { functions: FILE_FIELDS.functions });
  const shared = {
    storage_providers: top?.storage_providers as StorageProviders | undefined,
    clusters: top?.clusters as Record<string, ClusterRef> | undefined,
  };
  const functionsNode = top?.[EXTRA]?.functions;
  const entries = serviceEntries(ctx, functionsNode ?? null);
  const services = entries.map((e) => loadService(ctx, e, shared, path.dirname(file), options));
  const diagnostics = [...ctx.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return { services: services.filter((s): s is LoadedService => s !== undefined), diagnostics };
}

/** Loads several files, and checks that no two services for one cluster share a name. */
export function loadFdlFiles(files: readonly string[], options: FdlLoadOptions = {}): FdlLoadResult {
  const results = files.map((f) => loadFdlFile(f, options));
  const services = results.flatMap((r) => r.services);
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const seen = new Map<string, LoadedService>();
  for (const s of services) {
    const key = `${s.clusterId}\u0000${s.spec.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, s);
      continue;
    }
    diagnostics.push({
      ...s.position,
      severity: Severity.ERROR,
      path: childPath(s.documentPath, 'name'),
      message: `service '${s.spec.name}' for cluster '${s.clusterId}' is already defined at ${first.file}:${first.position.line}:${first.position.column}`,
      fix: 'rename one of them: OSCAR service names are unique within a cluster',
    });
  }
  diagnostics.push(...replicaConflicts(services, seen));
  return { services, diagnostics };
}

/**
 * A federated service's replicas belong to the manager, which makes them on the member clusters: a
 * service declared under a member's cluster id and service name, or the replica of another federated
 * service there, would give one OSCAR service two owners.
 */
function replicaConflicts(services: readonly LoadedService[], declared: ReadonlyMap<string, LoadedService>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const replicas = new Map<string, LoadedService>();
  for (const s of services) {
    s.spec.federation?.members?.forEach((member, i) => {
      if (member.type !== 'oscar' || !member.cluster_id || !member.service_name) return;
      const key = `${member.cluster_id}\u0000${member.service_name}`;
      const owner = declared.get(key) ?? replicas.get(key);
      replicas.set(key, replicas.get(key) ?? s);
      if (!owner) return;
      const what = declared.has(key) ? 'is declared' : `is also a replica of service '${owner.spec.name}'`;
      diagnostics.push({
        ...s.position,
        severity: Severity.ERROR,
        path: `${childPath(s.documentPath, 'federation')}.members[${i}].service_name`,
        message: `the replica '${member.service_name}' of service '${s.spec.name}' on cluster '${member.cluster_id}' ${what} at ` +
          `${owner.file}:${owner.position.line}:${owner.position.column}`,
        fix: 'the manager makes each replica on its member: remove the other declaration, or give the replica another service_name',
      });
    });
  }
  return diagnostics;
}

/** Like loadFdlFiles, but throws an FdlValidationError listing every error if there is any. */
export function loadFdlFilesOrThrow(files: readonly string[], options: FdlLoadOptions = {}): FdlLoadResult {
  const result = loadFdlFiles(files, options);
  if (hasErrors(result.diagnostics)) throw new FdlValidationError(result.diagnostics);
  return result;
}

/**
 * Expands folders into the `.yaml`/`.yml` files under them (sorted, symlinks followed); files are kept
 * as given. Each real folder and file is visited once, so symlink cycles and links to a file already
 * found add nothing.
 */
export function findFdlFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const realPath = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const walk = (dir: string) => {
    const real = realPath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = path.join(dir, entry.name);
      const stat = fs.statSync(child, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(child);
      else if (stat?.isFile() && /\.ya?ml$/.test(entry.name) && !visited.has(realPath(child))) {
        visited.add(realPath(child));
        found.push(child);
      }
    }
  };
  for (const p of paths) {
    if (fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
    else if (!visited.has(realPath(p))) {
      visited.add(realPath(p));
      found.push(p);
    }
  }
  return found;
}

interface ServiceEntry {
  readonly clusterId: string;
  readonly node: Node | null;
  readonly path: string;
}

/** Lists the `{clusterId: service}` entries of `functions.oscar`. */
function serviceEntries(ctx: DecodeContext, functions: Node | null): ServiceEntry[] {
  if (functions === null) {
    ctx.error(null, 'functions', "required field 'functions' is missing", 'start the file with "functions:" and "  oscar:" listing the services');
    return [];
  }
  if (!isMap(functions)) {
    ctx.error(functions, 'functions', `expected a mapping with 'oscar', got ${describe(functions)}`,
      'write "functions:" then "  oscar:" with a list of services');
    return [];
  }
  let oscar: Node | null = null;
  for (const pair of functions.items) {
    const key = ctx.resolve(pair.key);
    if (isScalar(key) && String(key.value).toLowerCase() === 'oscar') oscar = ctx.resolve(pair.value);
    else ctx.warning(key, childPath('functions', String(isScalar(key) ? key.value : '?')), 'only functions.oscar is read; this entry is ignored',
      'move the services under functions.oscar');
  }
  if (oscar === null || !isSeq(oscar)) {
    const problem = oscar === null ? 'no services: functions.oscar is missing or empty' : `expected a list, got ${describe(oscar)}`;
    ctx.error(oscar ?? functions, 'functions.oscar', problem,
      'list the services as "- <cluster-id>:" entries, each holding one service');
    return [];
  }
  const entries: ServiceEntry[] = [];
  oscar.items.forEach((raw, i) => {
    const item = ctx.resolve(raw);
    const itemPath = `functions.oscar[${i}]`;
    if (item === null || !isMap(item) || item.items.length === 0) {
      ctx.error(item ?? oscar, itemPath, `expected '<cluster-id>: <service>', got ${describe(item)}`,
        'write "- my-cluster:" and the service fields indented under it');
      return;
    }
    for (const pair of item.items) {
      const key = ctx.resolve(pair.key);
      if (!isScalar(key) || key.value === null || String(key.value).trim() === '') {
        ctx.error(key ?? item, itemPath, 'the cluster id must be a plain name', 'write "- my-cluster:"');
        continue;
      }
      const clusterId = String(key.value);
      entries.push({ clusterId, node: ctx.resolve(pair.value), path: childPath(itemPath, clusterId) });
    }
  });
  return entries;
}

function loadService(
  ctx: DecodeContext,
  entry: ServiceEntry,
  shared: { storage_providers?: StorageProviders; clusters?: Record<string, ClusterRef> },
  baseDir: string,
  options: FdlLoadOptions,
): LoadedService | undefined {
  const position = ctx.positionOf(entry.node);
  if (entry.node === null || !isMap(entry.node)) {
    ctx.error(entry.node, entry.path, `expected the service's fields, got ${describe(entry.node)}`,
      'indent the service fields (name, image, script, …) under the cluster id');
    return undefined;
  }
  const decoded = ctx.decodeObject(entry.node, SERVICE_FIELDS, entry.path, LEGACY_SERVICE_FIELDS)!;
  const fields: Record<string, unknown> = { ...decoded };
  // `rel` is a path below the service, already in path syntax (`input[0].path`).
  const at = (rel: string) => (!rel ? entry.path : rel.startsWith('[') ? `${entry.path}${rel}` : `${entry.path}.${rel}`);

  // Legacy (OSCAR v3) top-level `replicas` become `federation.members`.
  const replicasNode = decoded[EXTRA]?.replicas;
  if (replicasNode !== undefined) {
    const replicas = ctx.decode(replicasNode, LEGACY_SERVICE_FIELDS.replicas.type, at('replicas')) as Replica[] | undefined;
    const federation = fields.federation as Federation | undefined;
    if (federation?.members?.length) {
      ctx.error(replicasNode, at('replicas'), "both 'replicas' (OSCAR v3) and 'federation.members' are given",
        "move the replicas into federation.members and remove 'replicas'");
    } else if (replicas?.length) {
      fields.federation = { ...federation, members: replicas };
      ctx.record(at('federation.members'), replicasNode);
      ctx.warning(replicasNode, at('replicas'), "'replicas' is the OSCAR v3 form; it is converted to federation.members",
        "write the replicas under 'federation: members:'");
    }
  }

  // The file's shared storage providers and clusters are copied into each service, as oscar-cli does.
  fields.storage_providers = mergeProviders(shared.storage_providers, fields.storage_providers as StorageProviders | undefined);
  if (shared.clusters || fields.clusters) fields.clusters = { ...shared.clusters, ...(fields.clusters as object | undefined) };
  if (fields.storage_providers === undefined) delete fields.storage_providers;
  if (fields.clusters === undefined) delete fields.clusters;
  if (fields.cluster_id !== undefined && fields.cluster_id !== entry.clusterId) {
    ctx.warning(entry.node, at('cluster_id'),
      `cluster_id '${String(fields.cluster_id)}' differs from the key '${entry.clusterId}' it is listed under; the key is used`, 'remove cluster_id');
  }
  fields.cluster_id = entry.clusterId;

  let scriptFile: string | undefined;
  if (typeof fields.script === 'string') {
    scriptFile = path.resolve(baseDir, fields.script);
    const outside = !options.allowScriptsOutsideFolder && scriptOutsideFolder(scriptFile, baseDir);
    try {
      if (outside) {
        ctx.report(Severity.ERROR, ctx.positionOfPath(at('script')), at('script'),
          `script file '${String(decoded.script)}' is outside the FDL file's folder (${outside}); it is not read`,
          `move the script into ${baseDir} (or a folder below it), or, if the FDL files are trusted, allow it explicitly `
          + '(validate --allow-scripts-outside-folder; ServicesStack allowScriptsOutsideFolder: true)');
        scriptFile = undefined;
      } else {
        fields.script = fs.readFileSync(scriptFile, 'utf8');
      }
    } catch {
      ctx.report(Severity.ERROR, ctx.positionOfPath(at('script')), at('script'), `script file '${String(decoded.script)}' not found (looked for ${scriptFile})`,
        'create the script next to the FDL file, or correct the path (it is relative to the FDL file)');
      scriptFile = undefined;
    }
  }

  // decode() leaves out values of the wrong type, so what remains is typed and can be checked further.
  const spec = fields as unknown as OscarServiceSpec;
  validateService(spec, (rel, message, fix, severity = Severity.ERROR) =>
    ctx.report(severity, ctx.positionOfPath(at(rel)), at(rel), message, fix));
  return { spec, clusterId: entry.clusterId, file: ctx.file, ...(scriptFile ? { scriptFile } : {}), documentPath: entry.path, position };
}

/** Why a script path leaves `baseDir` (resolved through symlinks), or undefined when it does not. */
function scriptOutsideFolder(scriptFile: string, baseDir: string): string | undefined {
  const inside = (file: string, dir: string) => {
    const rel = path.relative(dir, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  if (!inside(scriptFile, baseDir)) return `it resolves to ${scriptFile}`;
  try {
    const real = fs.realpathSync(scriptFile);
    if (!inside(real, fs.realpathSync(baseDir))) return `a symlink leads to ${real}`;
  } catch {
    // A missing file is reported by the caller.
  }
  return undefined;
}

function mergeProviders(shared?: StorageProviders, own?: StorageProviders): StorageProviders | undefined {
  if (!shared) return own;
  if (!own) return shared;
  const merged: Record<string, unknown> = { ...shared };
  for (const [type, ids] of Object.entries(own)) merged[type] = { ...(shared as Record<string, object>)[type], ...ids };
  return merged as StorageProviders;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
