import * as ts from 'typescript';
import { applyEdits, tidyBlankLines, type TextEdit } from './text-edits';

/**
 * How `require()` gives a package's default export: the module itself (CommonJS typings with `export =`,
 * such as express) or its `.default` property (ES-style typings such as helmet's).
 */
export type DefaultImportAccess = (specifier: string) => 'module' | 'default';

/**
 * An ES module as CommonJS: `import` becomes `require()`, each exported declaration keeps its place and is
 * followed by `exports.name = name;`, `export default x` becomes `module.exports = x`. Code that has no
 * CommonJS equivalent (top-level await, import.meta, both a default and named exports) is an error.
 */
export function toCommonJs(code: string, defaultAccess: DefaultImportAccess): string {
  const sourceFile = ts.createSourceFile('snippet.mjs', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: TextEdit[] = [];
  const text = (node: ts.Node): string => node.getText(sourceFile);
  const lineOf = (node: ts.Node): number => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  let hasDefaultExport = false;
  let hasNamedExport = false;

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      edits.push({ start: statement.getStart(sourceFile), end: statement.getEnd(), text: requireFor(statement, text, defaultAccess) });
    } else if (ts.isExportAssignment(statement)) {
      hasDefaultExport = true;
      edits.push({ start: statement.getStart(sourceFile), end: statement.getEnd(), text: `module.exports = ${text(statement.expression)};` });
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause) || statement.moduleSpecifier) throw new Error(`line ${lineOf(statement)}: only export { a, b } can be converted`);
      hasNamedExport = true;
      const lines = statement.exportClause.elements.map((e) => `exports.${text(e.name)} = ${text(e.propertyName ?? e.name)};`);
      edits.push({ start: statement.getStart(sourceFile), end: statement.getEnd(), text: lines.join('\n') });
    } else {
      const exportKeyword = ts.canHaveModifiers(statement) ? ts.getModifiers(statement)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword) : undefined;
      if (!exportKeyword) continue;
      if (ts.getModifiers(statement as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) throw new Error(`line ${lineOf(statement)}: write export default as a separate statement`);
      hasNamedExport = true;
      edits.push({ start: exportKeyword.getStart(sourceFile), end: exportKeyword.getEnd() + 1, text: '' });
      const names = exportedNames(statement, text);
      if (names.length === 0) throw new Error(`line ${lineOf(statement)}: an export without a name`);
      edits.push({ start: statement.getEnd(), end: statement.getEnd(), text: names.map((name) => `\nexports.${name} = ${name};`).join('') });
    }
  }
  if (hasDefaultExport && hasNamedExport) throw new Error('a module with both a default and named exports has no single CommonJS form');
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) throw new Error(`line ${lineOf(node)}: top-level await does not exist in CommonJS; put the code in an async function`);
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) throw new Error(`line ${lineOf(node)}: import.meta does not exist in CommonJS`);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return tidyBlankLines(applyEdits(code, edits));
}

function requireFor(node: ts.ImportDeclaration, text: (node: ts.Node) => string, defaultAccess: DefaultImportAccess): string {
  const specifierText = text(node.moduleSpecifier);
  const specifier = (node.moduleSpecifier as ts.StringLiteral).text;
  const required = `require(${specifierText})`;
  const clause = node.importClause;
  if (!clause) return `${required};`;
  const lines: string[] = [];
  if (clause.name) lines.push(`const ${text(clause.name)} = ${required}${defaultAccess(specifier) === 'default' ? '.default' : ''};`);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) lines.push(`const ${text(bindings.name)} = ${required};`);
  if (bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0) {
    const names = bindings.elements.map((e) => (e.propertyName ? `${text(e.propertyName)}: ${text(e.name)}` : text(e.name)));
    lines.push(`const { ${names.join(', ')} } = ${required};`);
  }
  return lines.join('\n');
}

function exportedNames(statement: ts.Statement, text: (node: ts.Node) => string): string[] {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [text(statement.name)];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => {
      if (!ts.isIdentifier(declaration.name)) throw new Error('export of a destructuring pattern cannot be converted');
      return [text(declaration.name)];
    });
  }
  return [];
}
