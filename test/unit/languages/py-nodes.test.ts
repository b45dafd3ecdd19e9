import * as assert from 'assert';
import type { Node } from '@vscode/tree-sitter-wasm';
import { FACTS_PASS_TYPES, PyNodes } from '../../../src/engine/languages/python/py-nodes';
import { parseWithBudget, sharedGrammars } from '../../../src/engine/parser';

const SOURCE = [
  'import os',
  'def one(): return g(x)',
  'class View(Base):',
  '    def get(self, request, pk):',
  '        if not request.user.is_authenticated:',
  '            return redirect(login_url(next=request.path))',
  '        row = Row.objects.get(pk=pk)',
  '        for item, other in pairs(row):',
  '            total += f(item)',
  '        with open(p) as fh, lock():',
  '            data = [h(v) for v in fh]',
  '        def inner(y):',
  '            yield y',
  '            return lambda z: z(y)',
  '        return render(request, "t.html", {"row": row, "n": len(data)})',
  'x = (yield_value(1))',
  'if x:',
  '    call()',
  '',
].join('\n');

function ids(nodes: ReadonlyArray<Node | null>): number[] {
  return nodes.filter((n): n is Node => n !== null).map((n) => n.id);
}

function everyNode(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (node: Node) => {
    out.push(node);
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return out;
}

describe('PyNodes: the nodes below a node, from one walk of the tree', () => {
  it('gives what descendantsOfType gives, below every node of the tree and for each type and set of types', async () => {
    const tree = parseWithBudget(await sharedGrammars().parserFor('python'), SOURCE, 10_000);
    try {
      const nodes = new PyNodes(tree.rootNode);
      const asked = [...FACTS_PASS_TYPES.map((t) => [t]), ['assignment', 'augmented_assignment', 'for_statement', 'as_pattern', 'with_item'], ['function_definition', 'lambda'], ['function_definition', 'call'], ['identifier'], ['call', 'identifier']];
      let compared = 0;
      for (const node of everyNode(tree.rootNode)) {
        for (const types of asked) {
          assert.deepStrictEqual(ids(nodes.below(node, types)), ids(node.descendantsOfType(types)), `${types.join(',')} below ${node.type} at ${node.startIndex}-${node.endIndex}`);
          compared += 1;
        }
      }
      assert.ok(compared > 1000);
    } finally {
      tree.delete();
    }
  });

  it('counts the node itself, and tells a node inside of the same range from one around it', async () => {
    const tree = parseWithBudget(await sharedGrammars().parserFor('python'), 'def one(): return g(x)\n', 10_000);
    try {
      const nodes = new PyNodes(tree.rootNode);
      const fn = tree.rootNode.namedChildren[0]!;
      const body = fn.childForFieldName('body')!;
      const statement = body.namedChildren[0]!;
      // the block holds one statement: both have the same range
      assert.deepStrictEqual([body.startIndex, body.endIndex], [statement.startIndex, statement.endIndex]);
      assert.deepStrictEqual(ids(nodes.below(body, 'return_statement')), [statement.id]);
      assert.deepStrictEqual(ids(nodes.below(statement, 'return_statement')), [statement.id]);
      assert.deepStrictEqual(ids(nodes.below(fn, 'function_definition')), [fn.id]);
      assert.deepStrictEqual(nodes.below(body, 'function_definition'), []);
    } finally {
      tree.delete();
    }
  });
});
