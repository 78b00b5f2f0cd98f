// Generates N FDL services from the shapes of the shared FDL corpus (../shared/fdl-corpus): each
// generated file is a corpus file with its services renamed `<name>-<unit>` and every MinIO path's
// bucket renamed the same way, so N services are N distinct services with distinct buckets, written in
// the corpus' own forms (legacy `Variables`, scalar `api_port`, shared workflow buckets…).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { PROJECT_ROOT } from '../src/sandbox/testenv';

/** The shared FDL corpus beside the repository (`OSCAR_FDL_CORPUS` overrides it). */
export const CORPUS_DIR = process.env.OSCAR_FDL_CORPUS ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'fdl-corpus');

/** One shape: a corpus file and what it exercises. */
export interface Shape {
  /** Short name used in reports. */
  readonly id: string;
  /** The corpus file, relative to the corpus folder. */
  readonly file: string;
  /** What the manager does with it. */
  readonly description: string;
}

/**
 * The shapes, in the order units cycle through them. Every one validates with the project's loader
 * and is accepted by the manager v4.1.2 in the sandbox.
 */
export const SHAPES: readonly Shape[] = [
  { id: 'sync', file: 'cowsay/cowsay.yaml', description: 'synchronous, environment variables (legacy `Variables`), log level' },
  { id: 'async', file: 'imagemagick/imagemagick.yaml', description: 'asynchronous, MinIO input and output (a bucket, a MinIO webhook)' },
  { id: 'exposed', file: 'expose_services/nginx/nginx_expose.yaml', description: 'exposed service (scalar `api_port`, scaling bounds)' },
  { id: 'secret', file: 'secrets-usage/secret-usage.yaml', description: 'environment secret' },
  { id: 'async-default', file: 'sleep-test/sleep-test.yaml', description: 'asynchronous on `minio.default`, empty `allowed_users`' },
  { id: 'mount', file: 'mount/grayify-mount.yaml', description: 'MinIO input/output and a mounted bucket' },
  { id: 'volume', file: 'volumes/volume-demo.yaml', description: 'persistent volume (v4 field)' },
  { id: 'workflow', file: 'mask-detector-workflow/mask-detector-workflow.yaml', description: 'two services sharing a bucket (a workflow)' },
];

/** A generated set of FDL files. */
export interface GeneratedFdl {
  /** The folder holding the files and their scripts. */
  readonly dir: string;
  /** The FDL files, in unit order. */
  readonly files: readonly string[];
  /** Every service name, in order. */
  readonly services: readonly string[];
  /** Services by shape id. */
  readonly byShape: Readonly<Record<string, readonly string[]>>;
  /** Service names that carry `environment.secrets`, with their keys. */
  readonly secrets: Readonly<Record<string, readonly string[]>>;
}

interface ParsedShape {
  readonly shape: Shape;
  readonly text: string;
  readonly serviceCount: number;
}

function readShape(shape: Shape): ParsedShape {
  const text = fs.readFileSync(path.join(CORPUS_DIR, shape.file), 'utf8');
  const doc = parseDocument(text);
  const list = doc.getIn(['functions', 'oscar']);
  if (!isSeq(list)) throw new Error(`${shape.file}: no functions.oscar list`);
  return { shape, text, serviceCount: list.items.length };
}

/** Renames the first segment (the bucket) of a MinIO path. */
function renameBucket(p: string, suffix: string): string {
  const trimmed = p.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  return slash < 0 ? `${trimmed}-${suffix}` : `${trimmed.slice(0, slash)}-${suffix}${trimmed.slice(slash)}`;
}

/** One unit: the shape's file with every name and bucket suffixed; returns the text and its services. */
function instantiate(parsed: ParsedShape, suffix: string): { text: string; services: string[]; secrets: Record<string, string[]> } {
  const doc = parseDocument(parsed.text);
  const services: string[] = [];
  const secrets: Record<string, string[]> = {};
  for (const entry of (doc.getIn(['functions', 'oscar']) as { items: YAMLMap[] }).items) {
    for (const pair of entry.items) {
      const service = pair.value as YAMLMap;
      const name = `${String(service.get('name'))}-${suffix}`;
      service.set('name', name);
      services.push(name);
      service.set('script', 'script.sh');
      for (const key of ['input', 'output']) {
        const ios = service.get(key);
        if (!isSeq(ios)) continue;
        for (const io of ios.items) if (isMap(io) && typeof io.get('path') === 'string') io.set('path', renameBucket(String(io.get('path')), suffix));
      }
      const mount = service.get('mount');
      if (isMap(mount) && typeof mount.get('path') === 'string') mount.set('path', renameBucket(String(mount.get('path')), suffix));
      const env = service.get('environment');
      const secretMap = isMap(env) ? env.get('secrets') : undefined;
      if (isMap(secretMap)) secrets[name] = secretMap.items.map((p) => String((p.key as { value?: unknown })?.value ?? p.key));
    }
  }
  return { text: doc.toString(), services, secrets };
}

/**
 * Writes `count` services into `dir` (created if needed): units cycle through {@link SHAPES}, one FDL
 * file per unit (`<unit>-<shape>.yaml`), all sharing one stub `script.sh`. A unit holding more
 * services than are left is skipped for the next shape, so exactly `count` services are written.
 */
export function generateFdl(dir: string, count: number, shapes: readonly Shape[] = SHAPES): GeneratedFdl {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'script.sh'), '#!/bin/sh\necho "benchmark stub: $INPUT_FILE_PATH"\n');
  const parsed = shapes.map(readShape);
  const files: string[] = [];
  const services: string[] = [];
  const byShape: Record<string, string[]> = {};
  const secrets: Record<string, string[]> = {};
  let unit = 0;
  for (let i = 0; services.length < count; i++) {
    const candidate = parsed[i % parsed.length];
    if (candidate.serviceCount > count - services.length) {
      if (parsed.every((p) => p.serviceCount > count - services.length)) throw new Error(`generateFdl: no shape has ${count - services.length} service(s)`);
      continue;
    }
    const suffix = String(unit).padStart(4, '0');
    const made = instantiate(candidate, suffix);
    const file = path.join(dir, `${suffix}-${candidate.shape.id}.yaml`);
    fs.writeFileSync(file, made.text);
    files.push(file);
    services.push(...made.services);
    (byShape[candidate.shape.id] ??= []).push(...made.services);
    Object.assign(secrets, made.secrets);
    unit++;
  }
  return { dir, files, services, byShape, secrets };
}

/** Every FDL file of the corpus, relative to it. */
export function corpusFiles(): string[] {
  return (fs.readdirSync(CORPUS_DIR, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort();
}

/**
 * Copies the corpus into `dir` (same sub-paths) with a stub for every script a service names (the
 * corpus ships none); returns the copied files' paths by their corpus-relative name.
 */
export function copyCorpus(dir: string): Map<string, string> {
  const copies = new Map<string, string>();
  for (const relative of corpusFiles()) {
    const target = path.join(dir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = fs.readFileSync(path.join(CORPUS_DIR, relative), 'utf8');
    fs.writeFileSync(target, text);
    const list = parseDocument(text).toJS()?.functions?.oscar;
    for (const entry of Array.isArray(list) ? list : []) {
      for (const service of Object.values(entry ?? {}) as { script?: unknown }[]) {
        if (typeof service?.script === 'string') {
          fs.mkdirSync(path.dirname(path.join(path.dirname(target), service.script)), { recursive: true });
          fs.writeFileSync(path.join(path.dirname(target), service.script), '#!/bin/sh\necho stub\n');
        }
      }
    }
    copies.set(relative, target);
  }
  return copies;
}
