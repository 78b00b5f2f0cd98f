// The public API's documentation, checked the way aws-cdk's awslint checks its own: every exported
// declaration and member has a JSDoc comment (what an IDE tooltip shows), every optional property
// says its default, and a default shows a value rather than the name of a constant.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DEFAULT_KUBERNETES_VERSION } from '../src/versions';

const ROOT = path.join(__dirname, '..');
const INDEX = path.join(ROOT, 'src', 'index.ts');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** The modules src/index.ts re-exports, followed through `export … from` (the package's public API). */
function publicModules(): ts.SourceFile[] {
  const seen = new Map<string, ts.SourceFile>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = parse(file);
    seen.set(file, source);
    for (const statement of source.statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) continue;
      const target = path.resolve(path.dirname(file), (statement.moduleSpecifier as ts.StringLiteral).text);
      visit(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
    }
  };
  visit(INDEX);
  return [...seen.values()];
}

const MODULES = publicModules();
const relative = (source: ts.SourceFile) => path.relative(ROOT, source.fileName);
const hasDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).some((d) => ts.isJSDoc(d));
const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const nameOf = (node: ts.NamedDeclaration) => node.name?.getText() ?? '(anonymous)';

function exportedDeclarations(): { source: ts.SourceFile; node: ts.Statement }[] {
  return MODULES.flatMap((source) => source.statements.filter(isExported).filter((s) => !ts.isExportDeclaration(s)).map((node) => ({ source, node })));
}

function interfaces(): { source: ts.SourceFile; node: ts.InterfaceDeclaration }[] {
  return exportedDeclarations().flatMap(({ source, node }) => (ts.isInterfaceDeclaration(node) ? [{ source, node }] : []));
}

/** Interface members documented anywhere in the public API, by interface name: what a class implementing it inherits. */
function documentedMembers(): Map<string, Set<string>> {
  const byInterface = new Map<string, Set<string>>();
  for (const { node } of interfaces()) {
    byInterface.set(node.name.text, new Set(node.members.filter(hasDoc).map((m) => m.name?.getText() ?? '')));
  }
  return byInterface;
}

const defaultTag = (member: ts.Node) => ts.getJSDocTags(member).find((t) => t.tagName.text === 'default');
const tagText = (tag: ts.JSDocTag) => (typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? '').trim();

describe('the public API', () => {
  test('is the modules src/index.ts re-exports, none of them internal', () => {
    const internal = MODULES.map(relative).filter((f) => f.split(path.sep).includes('private'));
    expect(internal).toEqual([]);
    expect(MODULES.map(relative)).toEqual(expect.arrayContaining([path.join('src', 'errors.ts'), path.join('src', 'services', 'oscar-service.ts')]));
  });

  test('every exported declaration has a doc comment', () => {
    const undocumented = exportedDeclarations()
      .filter(({ node }) => !hasDoc(node))
      .map(({ source, node }) => {
        const name = ts.isVariableStatement(node) ? node.declarationList.declarations[0].name.getText() : nameOf(node as ts.DeclarationStatement);
        return `${relative(source)}: ${name}`;
      });
    expect(undocumented).toEqual([]);
  });

  test('every property of an exported interface has a doc comment', () => {
    const undocumented = interfaces().flatMap(({ source, node }) =>
      node.members.filter((m) => !ts.isIndexSignatureDeclaration(m) && !hasDoc(m)).map((m) => `${relative(source)}: ${node.name.text}.${m.name?.getText()}`));
    expect(undocumented).toEqual([]);
  });

  test('every public member of an exported class has a doc comment (its own, or the one of the interface it implements)', () => {
    const inherited = documentedMembers();
    const undocumented = exportedDeclarations().flatMap(({ source, node }) => {
      if (!ts.isClassDeclaration(node)) return [];
      const implemented = (node.heritageClauses ?? []).flatMap((c) => c.types.map((t) => t.expression.getText()));
      return node.members
        .filter((m) => ts.isPropertyDeclaration(m) || ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m))
        .filter((m) => !(ts.getModifiers(m) ?? []).some((mod) => mod.kind === ts.SyntaxKind.PrivateKeyword || mod.kind === ts.SyntaxKind.ProtectedKeyword))
        .filter((m) => !m.name?.getText().startsWith('_') && !hasDoc(m))
        .filter((m) => !implemented.some((i) => inherited.get(i)?.has(m.name?.getText() ?? '')))
        .map((m) => `${relative(source)}: ${nameOf(node)}.${m.name?.getText()}`);
    });
    expect(undocumented).toEqual([]);
  });

  test('every optional property says its default', () => {
    const missing = interfaces().flatMap(({ source, node }) => node.members
      .filter((m) => ts.isPropertySignature(m) && m.questionToken && !defaultTag(m))
      .map((m) => `${relative(source)}: ${node.name.text}.${m.name?.getText()}`));
    expect(missing).toEqual([]);
  });

  test('a default shows a value or describes one, never the name of a constant', () => {
    // A literal, an enum member (CapacityType.ON_DEMAND), a factory call (EksNetwork.newVpc()), or "- words".
    const value = /^(- .+|'.*'|".*"|-?\d+(\.\d+)?|true|false|\[.*\]|\{.*\}|[A-Z][A-Za-z]+\.[A-Z][A-Z0-9_]*|[A-Z][A-Za-z]+\.[a-z][A-Za-z]*\(.*\))$/s;
    const constantNames = interfaces().flatMap(({ source, node }) => node.members.flatMap((m) => {
      const tag = defaultTag(m);
      return tag && !value.test(tagText(tag)) ? [`${relative(source)}: ${node.name.text}.${m.name?.getText()}: @default ${tagText(tag)}`] : [];
    }));
    expect(constantNames).toEqual([]);
  });

  test('the documented Kubernetes version of an EKS cluster is the one it gets', () => {
    const props = interfaces().find(({ node }) => node.name.text === 'EksClusterProps')!.node;
    const version = props.members.find((m) => m.name?.getText() === 'kubernetesVersion')!;
    expect(tagText(defaultTag(version)!)).toBe(`'${DEFAULT_KUBERNETES_VERSION}'`);
  });
});
