import * as assert from 'assert';
import type { Node } from '@vscode/tree-sitter-wasm';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { memberMentions } from '../../../src/engine/project/member-mentions';
import type { LanguageId } from '../../../src/engine/types';
import { pick, seededRandom } from '../seeded-random';

/** Parses `code`, runs `read` on its tree, and frees the tree. */
async function withTree<T>(code: string, languageId: LanguageId, read: (root: Node) => T): Promise<T> {
  const { tree } = await parseSource(sharedGrammars(), languageId, code, 5000);
  try {
    return read(tree.rootNode);
  } finally {
    tree.delete();
  }
}

const CODE = [
  '// helpers for the account service',
  'class Account {',
  '  load(id) { return this.fetch(id); } /* fetch is its own */',
  '  fetch(id) { return db.one(id); }',
  '}',
  'export const make = (a) => { if (a) return () => { return a.save(); }; return null; };',
  "const s = 'http://example.test'; // a comment after a string with slashes",
  'const r = /a\\//* after a regular expression */;',
  "const t = `/* not ${x.shown} a comment */`; const u = '// nor this.one';",
  'other.save(); obj["remove"](); const { rename } = lib;',
].join('\n');

describe('memberMentions: the member names a file mentions, outside comments', () => {
  it('leaves out the words of comments, wherever they stand, and keeps those of strings that look like comments', async () => {
    await withTree(CODE, 'javascript', (root) => {
      const mentions = memberMentions(CODE, root);
      for (const word of ['its', 'comment', 'after', 'expression']) assert.ok(!mentions.includes(word), `${word}: ${mentions.join()}`);
      for (const name of ['save', 'remove', 'rename', 'shown', 'one']) assert.ok(mentions.includes(name), `${name}: ${mentions.join()}`);
    });
  });

  it('leaves out `this.name` inside a class that declares `name`, in declarations, expressions and abstract classes', async () => {
    const code = [
      '@Injectable() export abstract class Base { run() { return this.step(); } step() {} }',
      'const Other = class { go() { return this.step() + this.halt(); } halt() {} };',
      'class Outer { a() { return class Inner { b() { return this.a(); } }; } }',
      "const label = 'class'; obj.class = 1;",
    ].join('\n');
    await withTree(code, 'typescript', (root) => {
      const mentions = memberMentions(code, root);
      // `step` is Base's own; in Other it is not declared, so it may be a method of another file's class
      assert.ok(mentions.includes('step') && !mentions.includes('halt'), mentions.join());
      // Inner does not declare `a`: its `this.a()` is not Outer's
      assert.ok(mentions.includes('a'), mentions.join());
    });
  });

  it('reads a text with neither classes nor comments from the text alone', async () => {
    const code = 'export const f = (x) => x.save();\nthis.reload();';
    await withTree(code, 'javascript', (root) => {
      assert.deepStrictEqual(memberMentions(code, root).sort(), ['reload', 'save']);
    });
  });
});

describe('memberMentions: read as the regular expression it stands for reads', () => {
  // the pattern the scanner implements (see member-mentions.ts), matched as a global regular expression
  const MENTION = /\.\s*(#?[A-Za-z_$][\w$]*)|(['"`])(#?[A-Za-z_$][\w$]*)\2|[{,]\s*([A-Za-z_$][\w$]*)\s*(?=[,}:=])/g;
  const byPattern = (text: string) => [...new Set([...text.matchAll(MENTION)].map((m) => m[1] ?? m[3] ?? m[4]))];
  // each piece is likely to start, end or break a mention
  const PIECES = ['.', '.', "'", '"', '`', '{', '}', ',', ':', '=', '#', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u200b', 'a', 'Zz', '_x', '$', '9', 'é', 'this', '(', ';', '[', '\\'];

  it('finds what the pattern finds, in order of first mention, on 5,000 generated texts', () => {
    const random = seededRandom(20261203);
    for (let n = 0; n < 5000; n += 1) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pick(random, PIECES)).join('');
      assert.deepStrictEqual(memberMentions(text), byPattern(text), JSON.stringify(text));
    }
  });

  it('finds what the pattern finds in code', () => {
    for (const text of [CODE, "const { a, b: c, d = 1, ...e } = f; x . #p; o['k'] = \"v\"; `t`;", 'a.b.c?.d, {x}, {y:1}, {z=2}, {w;}', '', '.', "'", '{ ,a,'])
      assert.deepStrictEqual(memberMentions(text), byPattern(text), JSON.stringify(text));
  });
});
