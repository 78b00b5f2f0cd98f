import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

/** The shared FDL corpus (beside the repository, as in CI). */
export const CORPUS_DIR = process.env.OSCAR_FDL_CORPUS ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'fdl-corpus');

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-cdktf-test-'));
}

/** Writes an FDL file (and the given script files) into a fresh folder; returns the FDL path. */
export function writeFdl(text: string, scripts: Record<string, string> = { 'script.sh': 'echo hello\n' }, name = 'service.yaml'): string {
  const dir = tempDir();
  for (const [file, content] of Object.entries(scripts)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  const fdl = path.join(dir, name);
  fs.writeFileSync(fdl, text);
  return fdl;
}

/** Copies a corpus file into a fresh folder with a stub script for every `script:` it names. */
export function corpusCopy(relative: string): string {
  const source = path.join(CORPUS_DIR, relative);
  const text = fs.readFileSync(source, 'utf8');
  const scripts: Record<string, string> = {};
  for (const entry of (parse(text)?.functions?.oscar ?? []) as Record<string, { script?: string; name?: string }>[]) {
    for (const service of Object.values(entry)) {
      if (service?.script) scripts[service.script] = `#!/bin/sh\necho stub for ${service.name}\n`;
    }
  }
  return writeFdl(text, scripts, path.basename(relative));
}

/** Lists the corpus's FDL files relative to the corpus folder. */
export function corpusFiles(): string[] {
  return (fs.readdirSync(CORPUS_DIR, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort();
}
