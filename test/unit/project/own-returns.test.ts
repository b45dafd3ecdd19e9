import * as assert from 'assert';
import type { Node } from '@vscode/tree-sitter-wasm';
import { descendantsOfType, FUNCTION_TYPES, OwnReturns } from '../../../src/engine/ast';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import type { LanguageId } from '../../../src/engine/types';

/** Each function's returns by the definition: those in its body that no function nested in the body holds. */
function byDefinition(body: Node): string[] {
  const nested = descendantsOfType(body, [...FUNCTION_TYPES]);
  return descendantsOfType(body, 'return_statement')
    .filter((r) => !nested.some((f) => f.startIndex <= r.startIndex && r.endIndex <= f.endIndex))
    .map((r) => r.text);
}

async function everyFunction(code: string, languageId: LanguageId = 'javascript'): Promise<Array<{ name: string; own: string[]; expected: string[] }>> {
  const { tree } = await parseSource(sharedGrammars(), languageId, code, 5000);
  try {
    const returns = new OwnReturns(code);
    return descendantsOfType(tree.rootNode, [...FUNCTION_TYPES]).flatMap((fn) => {
      const body = fn.childForFieldName('body');
      if (body?.type !== 'statement_block') return [];
      const name = fn.childForFieldName('name')?.text ?? `(${fn.type} at ${fn.startIndex})`;
      return [{ name, own: returns.of(body).map((r) => r.text), expected: byDefinition(body) }];
    });
  } finally {
    tree.delete();
  }
}

describe('OwnReturns: a function\'s own return statements, found from the text and confirmed in the tree', () => {
  it('leaves out the returns of functions, arrows, methods and classes nested at any depth', async () => {
    const code = [
      'function outer(a) {',
      '  if (a) return 1;',
      '  const f = function inner() { return 2; };',
      '  const g = (x) => { if (x) { return 3; } return () => { return 4; }; };',
      '  class K { m() { return 5; } }',
      '  const o = { n() { return 6; }, p: function () { return 7; } };',
      '  try { return 8; } finally { [1].map((y) => { return y; }); }',
      '}',
      'function empty() { const h = () => { return 9; }; }',
      'function last() { return 10 }',
    ].join('\n');
    const functions = await everyFunction(code);
    const outer = functions.find((f) => f.name === 'outer');
    assert.deepStrictEqual(outer?.own, ['return 1;', 'return 8;']);
    assert.deepStrictEqual(functions.find((f) => f.name === 'empty')?.own, []);
    assert.deepStrictEqual(functions.find((f) => f.name === 'last')?.own, ['return 10']);
    for (const fn of functions) assert.deepStrictEqual(fn.own, fn.expected, fn.name);
    assert.ok(functions.length >= 9, `every function with a block body was asked about (${functions.length})`);
  });

  it('takes no word `return` that is not a return statement: in strings, comments, templates and names', async () => {
    const code = [
      'function f(a) {',
      "  const s = 'return 1'; // return 2",
      '  const t = `return ${a.return}`; /* return 3 */',
      '  const $return = a; if ($return) { return 4; }',
      '  return a ? function () { return 5; } : 6;',
      '}',
    ].join('\n');
    const functions = await everyFunction(code);
    for (const fn of functions) assert.deepStrictEqual(fn.own, fn.expected, fn.name);
    assert.deepStrictEqual(functions.find((fn) => fn.name === 'f')?.own, ['return 4;', 'return a ? function () { return 5; } : 6;']);
  });

  it('gives the same returns as the definition in TypeScript with generics, overloads and decorators', async () => {
    const code = [
      'export class Service {',
      '  @Get() find<T>(id: T): T | undefined { const pick = (v: T) => { return v; }; return pick(id); }',
      '  async *items(): AsyncGenerator<number> { yield 1; return; }',
      '}',
      'export function f(x: number): string;',
      'export function f(x: unknown): string { return String(x); }',
    ].join('\n');
    const functions = await everyFunction(code, 'typescript');
    for (const fn of functions) assert.deepStrictEqual(fn.own, fn.expected, fn.name);
    assert.deepStrictEqual(functions.find((f) => f.name === 'find')?.own, ['return pick(id);']);
  });
});
