import * as assert from 'assert';
import type { Node } from '@vscode/tree-sitter-wasm';
import { descendantsOfType } from '../../../src/engine/ast';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { Ancestry } from '../../../src/engine/rules/sql/ancestry';
import { ScopeIndex } from '../../../src/engine/rules/sql/scope';

const CODE = [
  "const table = 'users';",
  'function find(id) {',
  '  const where = `id = ${id}`;',
  '  return `SELECT * FROM ${table} WHERE ${where}`;',
  '}',
  'function sloppy(x) { query = "SELECT " + x; return query; }',
].join('\n');

async function withScopes(read: (scopes: ScopeIndex, identifiers: Node[]) => void): Promise<void> {
  const { tree } = await parseSource(sharedGrammars(), 'javascript', CODE, 5000);
  try {
    read(new ScopeIndex(CODE, new Ancestry(tree.rootNode)), descendantsOfType(tree.rootNode, 'identifier'));
  } finally {
    tree.delete();
  }
}

describe('ScopeIndex: a name asked about again', () => {
  it('resolves to the same declaration the first answer gave, and records module-wide lookups again', async () => {
    await withScopes((scopes, identifiers) => {
      const table = identifiers.filter((id) => id.text === 'table').pop()!;
      const first = scopes.resolve(table);
      assert.strictEqual(first?.binding.kind, 'const');
      assert.ok(scopes.moduleLookups.has('table'));
      // the SQL rule clears the lookups for each statement: a repeated answer must still say what it read
      scopes.moduleLookups.clear();
      assert.strictEqual(scopes.resolve(table), first);
      assert.ok(scopes.moduleLookups.has('table'));
      const where = identifiers.filter((id) => id.text === 'where').pop()!;
      scopes.moduleLookups.clear();
      assert.strictEqual(scopes.resolve(where)?.binding.kind, 'const');
      assert.strictEqual(scopes.resolve(where)?.binding.kind, 'const');
      assert.ok(!scopes.moduleLookups.has('where'), 'found in its function, not across the module');
    });
  });

  it('answers an undeclared name assigned in its function each time as before', async () => {
    await withScopes((scopes, identifiers) => {
      const query = identifiers.filter((id) => id.text === 'query').pop()!;
      const first = scopes.resolve(query);
      const again = scopes.resolve(query);
      assert.strictEqual(first?.binding.kind, 'var');
      assert.strictEqual(again?.binding.init?.text, first?.binding.init?.text);
    });
  });
});
