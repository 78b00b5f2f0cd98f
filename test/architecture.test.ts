// Dependencies point one way: no two folders of src/ import each other. Each file's relative imports
// are read from its source (static `import`/`export … from`, dynamic `import()` and `require()`).
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const PACKAGE_INDEX = path.join(SRC, 'index.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The folder of src/ a file belongs to (`src/fdl/x.ts`: `fdl`); files directly in src/ belong to `src`. */
function folderOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0] : 'src';
}

function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((s) => path.resolve(path.dirname(file), s));
}

/** Every folder-to-folder import of src/, with one file that makes it. */
function folderEdges(): Map<string, string> {
  const edges = new Map<string, string>();
  // src/index.ts is the package's public face: it exports every folder, and no folder may import it.
  for (const file of sourceFiles(SRC).filter((f) => f !== PACKAGE_INDEX)) {
    for (const target of relativeImports(file)) {
      if (!target.startsWith(SRC + path.sep)) continue;
      if (target === PACKAGE_INDEX.replace(/\.ts$/, '')) throw new Error(`${path.relative(ROOT, file)} imports the package index: import the module itself`);
      const isFolder = fs.existsSync(target) && fs.statSync(target).isDirectory();
      const [from, to] = [folderOf(file), folderOf(isFolder ? path.join(target, 'index.ts') : `${target}.ts`)];
      if (from !== to && !edges.has(`${from} -> ${to}`)) edges.set(`${from} -> ${to}`, path.relative(ROOT, file));
    }
  }
  return edges;
}

describe('architecture', () => {
  test('the import reader sees the imports between folders', () => {
    // (a reader that saw nothing would pass the next test whatever the code did)
    expect(folderEdges().get('stacks -> services')).toMatch(/^src\/stacks\//);
    expect(folderEdges().get('cli -> fdl')).toMatch(/^src\/cli\//);
  });

  test('no two folders of src/ import each other', () => {
    const edges = folderEdges();
    const both = [...edges.keys()].filter((e) => {
      const [from, to] = e.split(' -> ');
      return from < to && edges.has(`${to} -> ${from}`);
    }).map((e) => {
      const [from, to] = e.split(' -> ');
      return `${from} <-> ${to} (${edges.get(e)}; ${edges.get(`${to} -> ${from}`)})`;
    });
    expect(both).toEqual([]);
  });

  test('only the command line and the diagram reach the stacks: the constructs do not know them', () => {
    const users = [...folderEdges().entries()].filter(([e]) => e.endsWith(' -> stacks')).map(([e]) => e.split(' -> ')[0]).sort();
    expect(users).toEqual(['cli', 'diagram']);
  });
});
