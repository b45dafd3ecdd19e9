import * as assert from 'assert';
import { analyze } from '../../src/engine/analyze';
import { grammarOf } from '../../src/engine/languages';
import { parseSource, type ParsedSource } from '../../src/engine/parse-source';
import { parseWithBudget, sharedGrammars } from '../../src/engine/parser';
import { syntaxDamage, syntaxErrors } from '../../src/engine/syntax-errors';
import { applyPatches, repairsFor } from '../../src/engine/syntax-repairs';
import type { LanguageId } from '../../src/engine/types';

async function parsed<T>(languageId: LanguageId, text: string, read: (result: ParsedSource) => T): Promise<T> {
  const result = await parseSource(sharedGrammars(), languageId, text, 2000);
  try {
    return read(result);
  } finally {
    result.tree.delete();
  }
}

function errorsOf(result: ParsedSource): string[] {
  return [...syntaxErrors(result.tree)].map((n) => `${n.isMissing ? 'missing' : 'error'} at ${n.startPosition.row + 1}:${n.startPosition.column + 1} ${JSON.stringify(n.text)}`);
}

/** Syntax errors with the language's own grammar alone, as before this module: proves the gap is still there. */
async function plainDamage(languageId: LanguageId, text: string): Promise<number> {
  const tree = parseWithBudget(await sharedGrammars().parserFor(languageId), text, 2000);
  try {
    return syntaxDamage(tree);
  } finally {
    tree.delete();
  }
}

interface Gap {
  name: string;
  languageId: LanguageId;
  text: string;
  /** How the gap is closed: by the fallback grammar, or by a repair of this construct. */
  closedBy: { grammar: 'tsx' } | { construct: RegExp };
}

const GAPS: Gap[] = [
  {
    name: 'Flow annotations in a .js file',
    languageId: 'javascript',
    text: '// @flow\nimport type { Pool } from "pg";\nexport async function find(pool: Pool, id: string): Promise<Array<Object>> {\n  return pool.query("SELECT * FROM t WHERE id = " + id);\n}\n',
    closedBy: { grammar: 'tsx' },
  },
  { name: 'Flow exact object types', languageId: 'javascript', text: '/* @flow */\ntype Row = {| id: number, name: string |};\n', closedBy: { grammar: 'tsx' } },
  { name: 'Flow maybe types', languageId: 'javascript', text: '// @flow\ntype Props = { onError: ?(err: Error) => void };\n', closedBy: { construct: /maybe types/ } },
  { name: 'Flow object type spread', languageId: 'javascript', text: '// @flow\ntype Props = {\n  ...$Exact<BaseProps>,\n  id: string,\n};\n', closedBy: { construct: /object type spread/ } },
  { name: 'Flow function type with an unnamed parameter', languageId: 'javascript', text: '// @flow\ntype Props = { ref: (?HTMLElement) => void };\n', closedBy: { construct: /unnamed parameters/ } },
  { name: 'JSX attribute named in, member tag with default, this.X tag', languageId: 'javascriptreact', text: 'export const A = ({ open }) => (\n  <Collapse in={open} default={1}>\n    <Skeleton.default count={3} />\n    <this.Item />\n  </Collapse>\n);\n', closedBy: { grammar: 'tsx' } },
  { name: 'import assertion in JavaScript', languageId: 'javascript', text: 'import data from "./data.json" assert { type: "json" };\n', closedBy: { construct: /import attributes/ } },
  { name: 'import attributes on export from', languageId: 'javascript', text: 'export { default as config } from "./config.json" with { type: "json" };\n', closedBy: { construct: /import attributes/ } },
  { name: 'bare & in JSX text', languageId: 'javascriptreact', text: 'export const Terms = () => <p>Terms &amp; Privacy & Cookies</p>;\n', closedBy: { construct: /bare &/ } },
  { name: 'bare & in a JSX attribute string', languageId: 'typescriptreact', text: 'export const Next = () => <a href="/search?q=1&page=2">next</a>;\n', closedBy: { construct: /bare &/ } },
  { name: 'export type * from', languageId: 'typescript', text: 'export type * from "./types";\nexport type * as Api from "./api";\n', closedBy: { construct: /export type \*/ } },
  { name: 'in/out variance annotations', languageId: 'typescript', text: 'interface Box<in I, out O> {\n  get(i: I): O;\n}\nclass Cell<in out T> {}\n', closedBy: { construct: /variance/ } },
  { name: 'function type with an unnamed parameter', languageId: 'typescript', text: 'class Model {\n  declare getOrders: (unknown) => Promise<void>;\n}\nlet parse: (string) => any;\n', closedBy: { construct: /unnamed parameters/ } },
  { name: 'type arguments on a tagged template', languageId: 'typescript', text: 'const q = sql<string[]>`select tags from posts`;\n', closedBy: { construct: /tagged template/ } },
  {
    name: 'object type arguments on a styled component',
    languageId: 'typescriptreact',
    text: 'const Row = styled(Flex)<{ $active: boolean; onPick: () => void }>`\n  color: red;\n`;\nconst Cell = styled.td<{\n  $wide?: boolean;\n}>`width: 1px;`;\n',
    closedBy: { construct: /tagged template/ },
  },
  { name: "import('…') types as type arguments and with an indexed access", languageId: 'typescript', text: 'const req = ctx.getRequest<import("fastify").FastifyRequest>();\ntype Icons = Record<\n  import("expo-symbols").SymbolViewProps["name"],\n  string\n>;\n', closedBy: { construct: /import\('…'\) types/ } },
  { name: 'a type member on a new line starting with < or in', languageId: 'typescript', text: 'type Invoke = {\n  (action: string): void\n  <A extends string>(action: A, args: number): void\n};\ntype Auth = {\n  key: string\n  in: "header" | "query"\n};\n', closedBy: { construct: /new line/ } },
  { name: 'an invalid escape in String.raw', languageId: 'typescript', text: 'const name = String.raw`Acme\\u00 Corp`;\n', closedBy: { construct: /invalid escape/ } },
];

describe('parse robustness: files TypeScript, Babel or Flow accept parse without syntax errors', () => {
  for (const gap of GAPS) {
    it(gap.name, async () => {
      assert.ok((await plainDamage(gap.languageId, gap.text)) > 0, `the ${grammarOf(gap.languageId)} grammar reads this now: the workaround can go`);
      const { errors, grammar, repaired } = await parsed(gap.languageId, gap.text, (r) => ({ errors: errorsOf(r), grammar: r.grammar, repaired: r.repaired }));
      assert.deepStrictEqual(errors, []);
      if ('grammar' in gap.closedBy) assert.strictEqual(grammar, gap.closedBy.grammar);
      else assert.ok(repaired.some((c) => (gap.closedBy as { construct: RegExp }).construct.test(c)), `repaired: ${repaired.join('; ')}`);
    });
  }

  it('reads type arguments on a tagged template as a tagged template, not as comparisons', async () => {
    const text = 'const Title = styled.span<Props>`color: red;`;\nconst rows = await prisma.$queryRaw<User[]>`SELECT * FROM "User"`;\n';
    const tree = await parsed('typescript', text, (r) => r.tree.rootNode.toString());
    assert.doesNotMatch(tree, /binary_expression/);
    assert.strictEqual(tree.match(/\(call_expression function: \(member_expression [^]*?arguments: \(template_string/g)?.length, 2, tree);
  });

  it('leaves markup in a template string alone', async () => {
    const repaired = await parsed('typescript', 'const html = `<p>Hi <b>there</b>`;\n// a<b>`\n', (r) => r.repaired);
    assert.deepStrictEqual(repaired, []);
  });

  it('leaves a .js file the JavaScript grammar reads to that grammar, untouched', async () => {
    const result = await parsed('javascript', 'const a = b < c > `d`;\nconst e = <p>x</p>;\n', (r) => ({ grammar: r.grammar, repaired: r.repaired, errors: errorsOf(r) }));
    assert.deepStrictEqual(result, { grammar: 'javascript', repaired: [], errors: [] });
  });

  it('keeps the file’s own text in the nodes and its offsets in the findings', async () => {
    const text = 'export type * from "./types";\nclass Cell<out T> {}\ndb.query("SELECT * FROM t WHERE id = " + id);\n';
    const exported = await parsed('typescript', text, (r) => r.tree.rootNode.namedChildren[0]?.text);
    assert.strictEqual(exported, 'export type * from "./types";');
    const { findings, syntaxError } = await analyze(text, { languageId: 'typescript', fileName: 'a.ts' });
    assert.strictEqual(syntaxError, undefined);
    assert.deepStrictEqual(findings.map((f) => f.range.start), [{ line: 2, character: 9 }]);
  });

  it('analyses Flow-typed code: the finding in a typed function is found', async () => {
    const { findings, syntaxError } = await analyze(GAPS[0].text, { languageId: 'javascript', fileName: 'find.js' });
    assert.strictEqual(syntaxError, undefined);
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [['sql-concatenation', 3]]);
  });
});

describe('parse robustness: a syntax error that remains is scoped', () => {
  const text = [
    'db.query("SELECT * FROM a WHERE id = " + id);',
    'const broken = {;',
    'function later(id) {',
    '  return db.query("DELETE FROM b WHERE id = " + id);',
    '}',
    '',
  ].join('\n');

  it('runs the rules on the statements before and after it, and says where it is', async () => {
    const result = await analyze(text, { languageId: 'javascript', fileName: 'a.js' });
    assert.deepStrictEqual(result.findings.map((f) => [f.ruleId, f.range.start.line]), [['sql-concatenation', 0], ['sql-concatenation', 3]]);
    assert.deepStrictEqual(result.syntaxError, { line: 1, character: 16 });
    assert.deepStrictEqual(result.notes, ['syntax error near line 2, column 17; the rules ran on the rest of the file']);
  });

  it('keeps a genuine error and no repair that does not help', async () => {
    const result = await parsed('javascript', text, (r) => ({ grammar: r.grammar, repaired: r.repaired, errors: errorsOf(r).length }));
    assert.deepStrictEqual(result, { grammar: 'javascript', repaired: [], errors: 1 });
  });

  it('bounds the work on a file full of errors', async () => {
    const many = `db.query('SELECT 1');\n${Array.from({ length: 1000 }, (_, i) => `const a${i} = <p>Q & A ${i}</p>;`).join('\n')}`;
    const result = await analyze(many, { languageId: 'javascriptreact', fileName: 'many.jsx' });
    assert.strictEqual(result.skipped, undefined);
    assert.ok(result.syntaxError, 'more errors than the repairs look at: analysed partly');
  });
});

describe('syntax repairs', () => {
  it('patches keep the text’s length; an overlapping patch after the first is dropped', () => {
    assert.strictEqual(applyPatches('abcdef', [{ start: 3, text: 'XY' }, { start: 1, text: '__' }, { start: 2, text: '!' }]), 'a__XYf');
  });

  it('finds nothing to repair in a tree without errors', async () => {
    const tree = parseWithBudget(await sharedGrammars().parserFor('typescript'), 'export type { A } from "./a";\n', 2000);
    try {
      assert.deepStrictEqual(repairsFor(tree, 'export type { A } from "./a";\n'), []);
    } finally {
      tree.delete();
    }
  });
});
