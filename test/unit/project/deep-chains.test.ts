import * as assert from 'assert';
import { defaultConfig } from '../../../src/engine/config';
import { projectRoutes } from '../../../src/engine/rules/auth/route-report';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { OrderedDescent, TreeParents } from '../../../src/engine/tree-paths';
import { projectFrom } from '../../../src/testing/project-from';
import { seededRandom } from '../../../src/testing/seeded-random';

/** One router, `count` chained registrations: the tree is twice as deep as there are calls. */
function chainedRouter(count: number): string {
  const lines = [
    "const express = require('express');",
    'const router = express.Router();',
    'const requireAuth = (req, res, next) => (req.user ? next() : res.status(401).end());',
    'const remove = async (req, res) => { await db.orders.delete(req.params.id); res.status(204).end(); };',
    'router',
  ];
  for (let i = 0; i < count; i++) lines.push(i % 2 === 0 ? `  .delete('/r${i}', requireAuth, remove)` : `  .delete('/r${i}', remove)`);
  lines[lines.length - 1] += ';';
  lines.push('module.exports = router;');
  return `${lines.join('\n')}\n`;
}

describe('deep code shapes: every route of a long chain', () => {
  it('finds all 4,000 routes chained on one router, each at its line, with the middleware resolved through the whole depth', async () => {
    const project = await projectFrom({ '/p/routes.js': chainedRouter(4000) });
    const rows = projectRoutes(project, defaultConfig());
    assert.strictEqual(rows.length, 4000);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    for (const i of [0, 1, 2, 1999, 3998, 3999]) {
      const row = byPath.get(`/r${i}`);
      assert.ok(row, `/r${i} is found`);
      assert.strictEqual(row.method, 'DELETE');
      assert.strictEqual(row.line, i === 0 ? 5 : 6 + i, 'the first call of the chain is reported from its receiver, the others at their method');
      assert.strictEqual(row.verdict, i % 2 === 0 ? 'protected' : 'unprotected', `/r${i}`);
    }
    assert.strictEqual(rows.filter((r) => r.verdict === 'protected').length, 2000);
  });

  it('keeps the path of the nearest .route() for the methods chained after it', async () => {
    const project = await projectFrom({
      '/p/routes.js': "const router = require('express').Router();\nrouter.route('/a').get(list).delete(remove);\nrouter.route('/b').post(create);\nmodule.exports = router;\n",
    });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map((r) => `${r.method} ${r.path}`).sort(), ['DELETE /a', 'GET /a', 'POST /b']);
  });
});

describe('tree paths without descents from the root', () => {
  it('finds the same nodes and parents as tree-sitter for the words of a file, a random half of them in text order (seed 47)', async () => {
    const text = chainedRouter(300);
    const { tree } = await parseSource(sharedGrammars(), 'javascript', text, 5000);
    const root = tree.rootNode;
    const random = seededRandom(47);
    const words = [...text.matchAll(/[\w$]+/g)].filter(() => random() < 0.5);
    assert.ok(words.length > 500);
    const descent = new OrderedDescent(root);
    const parents = new TreeParents(root);
    for (const word of words) {
      const start = word.index;
      const end = start + word[0].length;
      const path = descent.pathTo(start, end);
      const node = path[path.length - 1];
      assert.strictEqual(node.id, root.descendantForIndex(start, end)?.id, `${word[0]} at ${start}`);
      for (let i = Math.max(1, path.length - 3); i < path.length; i++) assert.strictEqual(path[i].parent?.id, path[i - 1].id);
      assert.strictEqual(parents.of(node, 1000)?.id, node.parent?.id, 'the indexed parent');
    }
  });

  it('tells the parents it passed on its way down, so that a walk up takes those steps without asking tree-sitter', async () => {
    const text = chainedRouter(20);
    const { tree } = await parseSource(sharedGrammars(), 'javascript', text, 5000);
    const root = tree.rootNode;
    const parents = new TreeParents(root);
    const descent = new OrderedDescent(root, parents);
    let steps = 0;
    for (const word of text.matchAll(/[\w$]+/g)) {
      const path = descent.pathTo(word.index, word.index + word[0].length);
      for (let i = 1; i < path.length; i++) {
        // a node whose own step up would fail: the parent must come from what the descent told
        const asked = Object.create(path[i], { parent: { get: () => assert.fail('Node.parent was read') } }) as typeof path[number];
        assert.strictEqual(parents.of(asked)?.id, path[i].parent?.id);
        steps++;
      }
    }
    assert.ok(steps > 500);
  });
});
