import * as ts from 'typescript';
import { snippetBodyText } from '../../src/engine/snippet-expand';
import type { NodeSnippet, SnippetForms } from '../../src/extension/snippets/snippet-forms';
import { defaultAccessFromTypes } from './default-access';
import { markSnippet } from './marked-code';
import { stripTypes } from './strip-types';
import { toCommonJs } from './to-commonjs';

/** One snippet of `snippets/node/source.json`, written once in TypeScript with ES module syntax. */
export interface SourceSnippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
  /** Only TypeScript has a form of it (type declarations). */
  typescriptOnly?: boolean;
  /** Names the snippet uses without declaring them, with the type they have in the learner's code (for the type check). */
  assumes?: Record<string, string>;
}


const lines = (text: string): string[] => text.split('\n');

function importSpecifiers(code: string): string[] {
  const sourceFile = ts.createSourceFile('snippet.mjs', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return sourceFile.statements.filter(ts.isImportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
}

/**
 * Every form of every snippet: TypeScript as written, JavaScript ES modules with the types removed, and
 * CommonJS converted from that. `root` is where the packages the snippets import are installed.
 */
export function deriveSnippetForms(source: Readonly<Record<string, SourceSnippet>>, root: string): Record<string, NodeSnippet> {
  const stripped = new Map<string, { esm: string; restore: (code: string) => string }>();
  for (const [name, snippet] of Object.entries(source)) {
    if (snippet.typescriptOnly) continue;
    const marked = markSnippet(snippetBodyText(snippet.body));
    try {
      stripped.set(name, { esm: stripTypes(marked.code), restore: marked.restore });
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const defaultAccess = defaultAccessFromTypes(root, [...stripped.values()].flatMap((s) => importSpecifiers(s.esm)));
  const derived: Record<string, NodeSnippet> = {};
  for (const [name, snippet] of Object.entries(source)) {
    const typescript = lines(snippetBodyText(snippet.body));
    const js = stripped.get(name);
    let forms: SnippetForms = { typescript };
    if (js) {
      try {
        forms = { typescript, esm: lines(js.restore(js.esm)), commonjs: lines(js.restore(toCommonJs(js.esm, defaultAccess))) };
      } catch (error) {
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const uses = Object.keys(snippet.assumes ?? {});
    derived[name] = { prefix: snippet.prefix, description: snippet.description, ...(uses.length > 0 ? { uses } : {}), forms };
  }
  return derived;
}
