import * as assert from 'assert';
import { descendantsOfType, FUNCTION_TYPES, OWN_RETURN_TYPES, OwnReturns, SharedWalk } from '../../../src/engine/ast';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { MENTION_TYPES, memberMentions } from '../../../src/engine/project/member-mentions';
import type { LanguageId } from '../../../src/engine/types';

/** Parses `code`, runs `read` on its tree, and frees the tree. */
async function withTree<T>(code: string, languageId: LanguageId, read: (root: import('@vscode/tree-sitter-wasm').Node) => T): Promise<T> {
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
  'other.save(); obj["remove"](); const { rename } = lib;',
].join('\n');

describe('SharedWalk: one walk of a tree for the readers that each want some node types', () => {
  it('gives each reader the nodes of its own types, in document order, as a walk of its own would', async () => {
    await withTree(CODE, 'javascript', (root) => {
      const walk = new SharedWalk(root, [...OWN_RETURN_TYPES, ...MENTION_TYPES]);
      for (const types of [OWN_RETURN_TYPES, ['comment'], MENTION_TYPES, ['return_statement']]) {
        assert.deepStrictEqual(walk.of(types).map((n) => [n.type, n.startIndex]), descendantsOfType(root, [...types]).map((n) => [n.type, n.startIndex]), types.join());
      }
    });
  });

  it('leaves what OwnReturns and memberMentions find unchanged', async () => {
    await withTree(CODE, 'javascript', (root) => {
      const walk = new SharedWalk(root, [...OWN_RETURN_TYPES, ...MENTION_TYPES]);
      const shared = new OwnReturns(root, walk);
      const alone = new OwnReturns(root);
      for (const fn of descendantsOfType(root, [...FUNCTION_TYPES])) {
        const body = fn.childForFieldName('body');
        if (body?.type === 'statement_block') assert.deepStrictEqual(shared.of(body).map((r) => r.text), alone.of(body).map((r) => r.text));
      }
      const mentions = memberMentions(CODE, root, walk);
      assert.deepStrictEqual(mentions, memberMentions(CODE, root));
      // the comment's words are left out, and `this.fetch` inside the class that declares `fetch`
      assert.ok(!mentions.includes('fetch') && !mentions.includes('its'), mentions.join());
      assert.ok(['save', 'remove', 'rename'].every((name) => mentions.includes(name)), mentions.join());
    });
  });

  it('reads a text with neither classes nor comments without walking for them', async () => {
    const code = 'export const f = (x) => x.save();\nthis.reload();';
    await withTree(code, 'javascript', (root) => {
      assert.deepStrictEqual(memberMentions(code, root).sort(), ['reload', 'save']);
    });
  });
});
