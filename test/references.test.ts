// The repository's documents and source comments name files of the repository; each named file exists.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const TOP_LEVEL = ['bin', 'charts', 'config', 'docs', 'examples', 'provider', 'schema', 'scripts', 'src', 'test', 'testenv'];
// A path under a top-level folder that ends in a file name with an extension, or in a conventional name (VERSION).
const REFERENCE = new RegExp(
  `(?<![\\w./$-])(?:${TOP_LEVEL.join('|')})/(?:[\\w.-]+/)*(?:[\\w.-]+\\.(?:md|ts|js|sh|ya?ml|json|go|env)|VERSION|LICENSE|CHANGELOG)(?![\\w-])`, 'g');
/** Paths that name files of other repositories (the Gateway API release's kustomization). */
const ELSEWHERE = new Set(['config/crd/kustomization.yaml']);

/** Files that name other files: documents, configs, scripts, and the source (generated bindings aside). */
function documents(): string[] {
  const files = ['README.md', 'main.ts', '.ci/run'];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (rel !== path.join('src', 'providers', 'oscar')) walk(rel);
      } else if (/\.(md|ts|ya?ml|sh|go)$/.test(entry.name)) {
        files.push(rel);
      }
    }
  };
  for (const dir of ['docs', 'config', 'src', 'testenv', 'provider']) walk(dir);
  return files;
}

// A section named after a document: `README, "Synth speed"` or `provider/README.md, "Install (…)"`.
const SECTION = /\b((?:[\w-]+\/)*README(?:\.md)?)[^"'`\n]{0,12}"([A-Z][^"\n]+)"/g;

test('every README section a document or source comment names exists', () => {
  const headings = (readme: string) => fs.readFileSync(path.join(ROOT, readme.endsWith('.md') ? readme : `${readme}.md`), 'utf8')
    .split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, ''));
  const missing = documents().flatMap((file) =>
    [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(SECTION)]
      .filter(([, readme, section]) => !headings(readme).some((h) => h.startsWith(section)))
      .map(([, readme, section]) => `${file}: ${readme}, "${section}"`));
  expect(missing).toEqual([]);
});

test('every repository file a document or source comment names exists', () => {
  const missing = documents().flatMap((file) =>
    [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(REFERENCE)]
      .map((m) => m[0].replace(/[.]+$/, ''))
      // A path names a file from the repository's root, or (a link in a document) from the document's folder.
      .filter((reference) => !ELSEWHERE.has(reference)
        && !fs.existsSync(path.join(ROOT, reference)) && !fs.existsSync(path.join(ROOT, path.dirname(file), reference)))
      .map((reference) => `${file}: ${reference}`));
  expect(missing).toEqual([]);
});
