import * as ts from 'typescript';
import { jsdocEdits, typeImportTag } from './jsdoc-types';
import { applyEdits, tidyBlankLines, type TextEdit } from './text-edits';

/**
 * TypeScript to JavaScript by deleting what only the type checker reads (annotations, interfaces, type-only
 * imports, `as`, `!`, generics), leaving every other character, comment and blank line where the author put it.
 * The types a JavaScript file can still state move into JSDoc (see jsdoc-types.ts).
 * A construct that would need code generated in its place (enum, parameter property, namespace) is an error:
 * write the source so that it does not need one.
 */
export function stripTypes(code: string, fileName = 'snippet.ts'): string {
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const parseErrors = (sourceFile as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (parseErrors.length > 0) throw new Error(`not valid TypeScript: ${ts.flattenDiagnosticMessageText(parseErrors[0].messageText, '\n')}`);
  // JSDoc first: at an offset where a removal also starts, the inserted comment stays and the removal follows.
  const edits: TextEdit[] = jsdocEdits(sourceFile);
  const remove = (start: number, end: number): void => { edits.push({ start, end, text: '' }); };
  const removeNode = (node: ts.Node): void => remove(node.getFullStart(), node.getEnd());
  const removeAnnotation = (type: ts.TypeNode | undefined, from?: ts.Node): void => {
    if (!type) return;
    const start = from ? from.getStart(sourceFile) : code.lastIndexOf(':', type.getStart(sourceFile));
    remove(start, type.getEnd());
  };
  const removeAngleList = (list: ts.NodeArray<ts.Node> | undefined): void => {
    if (!list) return;
    remove(code.lastIndexOf('<', list.pos), code.indexOf('>', list.end) + 1);
  };
  const removeTypeModifiers = (node: ts.Node): void => {
    for (const modifier of ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []) {
      if (TYPE_ONLY_MODIFIERS.has(modifier.kind)) remove(modifier.getStart(sourceFile), modifier.getEnd() + (code[modifier.getEnd()] === ' ' ? 1 : 0));
    }
  };
  const unsupported = (node: ts.Node, what: string): never => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    throw new Error(`line ${line + 1}: ${what} cannot be removed without generating code; write it in plain JavaScript style`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      // The names a type-only import brings stay usable in JSDoc through an @import tag in its place.
      const tag = typeImportTag(node, (n) => n.getText(sourceFile));
      if (node.importClause?.isTypeOnly && tag) {
        edits.push({ start: node.getStart(sourceFile), end: node.getEnd(), text: tag });
        return;
      }
      if (tag) edits.push({ start: node.getStart(sourceFile), end: node.getStart(sourceFile), text: `${tag}\n` });
    }
    if (isTypeOnlyStatement(node)) {
      removeNode(node);
      return;
    }
    if (ts.isEnumDeclaration(node)) unsupported(node, 'an enum');
    if (ts.isTypeAssertionExpression(node)) unsupported(node, 'a <T>value assertion');
    if (ts.isImportEqualsDeclaration(node)) unsupported(node, 'import = require()');
    if (ts.isImportDeclaration(node)) {
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) {
        const typeOnly = named.elements.filter((element) => element.isTypeOnly);
        if (typeOnly.length === named.elements.length && !node.importClause?.name) {
          removeNode(node);
          return;
        }
        for (const element of typeOnly) remove(element.getFullStart(), code.indexOf(',', element.getEnd()) + 1 || element.getEnd());
      }
      return;
    }
    if (ts.isParameter(node)) {
      if (ts.getModifiers(node)?.length) unsupported(node, 'a parameter property');
      if (node.name.getText(sourceFile) === 'this') unsupported(node, 'a this parameter');
      removeAnnotation(node.type, node.questionToken);
      if (node.questionToken && !node.type) remove(node.questionToken.getStart(sourceFile), node.questionToken.getEnd());
    }
    if (ts.isVariableDeclaration(node)) removeAnnotation(node.type, node.exclamationToken);
    if (ts.isFunctionLike(node)) {
      if (!('body' in node) || !node.body) {
        if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return removeNode(node);
      }
      removeAngleList(node.typeParameters);
      if (!ts.isParameter(node)) removeAnnotation(node.type);
      removeTypeModifiers(node);
    }
    if (ts.isClassLike(node)) {
      removeAngleList(node.typeParameters);
      for (const clause of node.heritageClauses ?? []) {
        if (clause.token === ts.SyntaxKind.ImplementsKeyword) remove(code.lastIndexOf(' ', clause.getStart(sourceFile)), clause.getEnd());
      }
    }
    if (ts.isPropertyDeclaration(node)) {
      if (!node.initializer) return removeNode(node);
      removeAnnotation(node.type, node.questionToken ?? node.exclamationToken);
      removeTypeModifiers(node);
    }
    if (ts.isExpressionWithTypeArguments(node) || ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) {
      removeAngleList(node.typeArguments);
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) remove(node.expression.getEnd(), node.getEnd());
    if (ts.isNonNullExpression(node)) remove(node.getEnd() - 1, node.getEnd());
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return tidyBlankLines(applyEdits(code, edits));
}

const TYPE_ONLY_MODIFIERS = new Set([
  ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.OverrideKeyword, ts.SyntaxKind.AbstractKeyword, ts.SyntaxKind.DeclareKeyword,
]);

function isTypeOnlyStatement(node: ts.Node): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isModuleDeclaration(node)) return true;
  if (ts.isExportDeclaration(node) && node.isTypeOnly) return true;
  if (ts.isVariableStatement(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  return false;
}
