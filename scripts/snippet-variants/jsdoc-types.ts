import * as ts from 'typescript';
import type { TextEdit } from './text-edits';

/**
 * What JavaScript keeps of TypeScript's annotations, as JSDoc that TypeScript (and so VS Code) reads in .js
 * files: `import type` becomes `@import` (typeImportTag), a function's parameter and return types become `@param`,
 * `@returns` and `@template` tags, a typed variable gets `@type`. Without them strict checkJs reports every
 * untyped parameter.
 */
export function jsdocEdits(sourceFile: ts.SourceFile): TextEdit[] {
  const code = sourceFile.text;
  const text = (node: ts.Node): string => node.getText(sourceFile);
  const blocks = new Map<ts.Node, string[]>();
  const edits: TextEdit[] = [];
  const addTags = (anchor: ts.Node, tags: string[]): void => {
    if (tags.length > 0) blocks.set(anchor, [...(blocks.get(anchor) ?? []), ...tags]);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isFunctionLike(node) && !ts.isParameter(node)) {
      const anchor = blockAnchor(node);
      if (anchor) {
        addTags(anchor, functionTags(node, text));
      } else {
        for (const parameter of node.parameters) {
          if (parameter.type) edits.push({ start: parameter.getStart(sourceFile), end: parameter.getStart(sourceFile), text: `/** @type {${text(parameter.type)}} */ ` });
        }
      }
    }
    if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
      const declaration = node.declarationList.declarations[0];
      if (declaration.type) addTags(node, [`@type {${text(declaration.type)}}`]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  for (const [anchor, tags] of blocks) {
    const start = anchor.getStart(sourceFile);
    const lineStart = code.lastIndexOf('\n', start - 1) + 1;
    const indent = /^[ \t]*/.exec(code.slice(lineStart))![0];
    const existing = ts.getLeadingCommentRanges(code, anchor.getFullStart())?.filter((range) => code.startsWith('/**', range.pos)).pop();
    if (existing && /^\s*$/.test(code.slice(existing.end, start))) {
      const summary = code.slice(existing.pos + 3, existing.end - 2).split('\n').map((line) => line.replace(/^\s*\*?\s?/, '').trimEnd()).filter(Boolean);
      edits.push({ start: existing.pos, end: existing.end, text: renderBlock([...summary, ...tags], indent) });
    } else {
      edits.push({ start, end: start, text: `${renderBlock(tags, indent)}\n${indent}` });
    }
  }
  return edits;
}

function renderBlock(lines: string[], indent: string): string {
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((line) => `${indent} * ${line}`), `${indent} */`].join('\n');
}

/** `import type { A } from 'm'` (or the type-only names of a mixed import) as a JSDoc `@import` tag. */
export function typeImportTag(node: ts.ImportDeclaration, text: (node: ts.Node) => string): string | undefined {
  const clause = node.importClause;
  if (!clause) return undefined;
  const from = text(node.moduleSpecifier);
  const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
  if (clause.isTypeOnly) {
    if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) return `/** @import * as ${text(clause.namedBindings.name)} from ${from} */`;
    if (clause.name) return `/** @import ${text(clause.name)} from ${from} */`;
    return `/** @import { ${named.map(text).join(', ')} } from ${from} */`;
  }
  const typeOnly = named.filter((element) => element.isTypeOnly);
  if (typeOnly.length === 0) return undefined;
  return `/** @import { ${typeOnly.map((element) => text(element).replace(/^type\s+/, '')).join(', ')} } from ${from} */`;
}

/** Where a function's JSDoc block goes: the declaration itself, or the `const f = ...` statement that holds it. */
function blockAnchor(node: ts.SignatureDeclaration): ts.Node | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)) return node;
  const declaration = node.parent;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(declaration) && !declaration.type) {
    const statement = declaration.parent.parent;
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) return statement;
  }
  return undefined;
}

function functionTags(node: ts.SignatureDeclaration, text: (node: ts.Node) => string): string[] {
  const tags: string[] = [];
  for (const parameter of node.typeParameters ?? []) {
    tags.push(parameter.constraint ? `@template {${text(parameter.constraint)}} ${text(parameter.name)}` : `@template ${text(parameter.name)}`);
  }
  for (const parameter of node.parameters) {
    if (!parameter.type) continue;
    if (!ts.isIdentifier(parameter.name)) throw new Error(`a typed destructured parameter has no name for @param: ${text(parameter)}`);
    const name = text(parameter.name);
    if (parameter.dotDotDotToken) {
      const element = ts.isArrayTypeNode(parameter.type) ? text(parameter.type.elementType) : `${text(parameter.type)}[number]`;
      tags.push(`@param {...${element}} ${name}`);
    } else {
      tags.push(`@param {${text(parameter.type)}} ${parameter.questionToken || parameter.initializer ? `[${name}]` : name}`);
    }
  }
  if (node.type) tags.push(`@returns {${text(node.type)}}`);
  return tags;
}
