import * as assert from 'assert';
import { phpNamesOf, resolveClassName } from '../../../src/engine/languages/php/class-names';
import { extractPhpFacts } from '../../../src/engine/languages/php/php-facts';
import { parseWithBudget, sharedGrammars } from '../../../src/engine/parser';

async function parsed<T>(code: string, read: (tree: import('@vscode/tree-sitter-wasm').Tree) => T): Promise<T> {
  const tree = parseWithBudget(await sharedGrammars().parserFor('php'), code, 10_000);
  try {
    return read(tree);
  } finally {
    tree.delete();
  }
}

describe('PHP class names and facts', () => {
  it('resolves names through use imports, aliases, groups, a braced namespace and leading backslashes', async () => {
    const names = await parsed('<?php\nnamespace Shop\\Http { use Shop\\Models\\{Order, Line as Item}; use Vendor\\Pay; use function strlen; class C {} }\n', (t) => phpNamesOf(t.rootNode));
    assert.strictEqual(names.namespace, 'Shop\\Http');
    assert.strictEqual(resolveClassName('Order', names), 'Shop\\Models\\Order');
    assert.strictEqual(resolveClassName('?Item', names), 'Shop\\Models\\Line');
    assert.strictEqual(resolveClassName('Pay\\Card', names), 'Vendor\\Pay\\Card');
    assert.strictEqual(resolveClassName('Cart', names), 'Shop\\Http\\Cart');
    assert.strictEqual(resolveClassName('\\Other\\Cart', names), 'Other\\Cart');
    assert.strictEqual(resolveClassName('self', names), undefined);
    assert.strictEqual(resolveClassName('string', names), undefined);
  });

  it('keeps each method by name (even toString), an array literal key by key, and leaves abstract methods out', async () => {
    const facts = await parsed([
      '<?php', 'namespace Shop;', 'abstract class Part extends Base {',
      "  public function toString(): string { return 'x'; }",
      "  public function parts(): array { return ['kind' => 'fixed', 'raw' => $_GET['q'], 7 => 1, ...$this->more]; }",
      '  abstract public function build();',
      '}', '',
    ].join('\n'), extractPhpFacts);
    assert.strictEqual(facts.classes.length, 1);
    const [part] = facts.classes;
    assert.strictEqual(part.name, 'Shop\\Part');
    assert.strictEqual(part.extends, 'Shop\\Base');
    assert.deepStrictEqual(part.methods.map((m) => m.name), ['toString', 'parts']);
    assert.strictEqual(part.methods[0].result.origin, 'unknown', 'a scalar return is not read');
    const parts = part.methods[1].result;
    assert.deepStrictEqual(parts.keys, { kind: 'constant', raw: 'request', 7: 'constant' });
    assert.strictEqual(parts.elements, 'unknown', 'a spread adds elements of unknown keys');
  });
});
