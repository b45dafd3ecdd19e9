import * as assert from 'assert';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { TypeDeclarations } from '../../../src/engine/rules/sql/type-declarations';

async function expand(code: string, name: string): Promise<string | undefined> {
  const { tree } = await parseSource(sharedGrammars(), 'typescript', code, 5000);
  try {
    return new TypeDeclarations(tree.rootNode, code).expand(name);
  } finally {
    tree.delete();
  }
}

describe('TypeDeclarations: object types a file declares, read by name', () => {
  it('reads interfaces and type aliases, also with a comment before the `=`', async () => {
    assert.strictEqual(await expand('interface Key { id: number }', 'Key'), '{ id: number }');
    assert.strictEqual(await expand("import { type Request } from 'express';\ntype Page = { limit: number };", 'Page'), '{ limit: number }');
    assert.strictEqual(await expand('type Page /* paging */ = { limit: number };', 'Page'), '{ limit: number }');
  });

  it('keeps the name when the file only imports types, or declares the type with parameters or twice', async () => {
    assert.strictEqual(await expand("import { type Key } from './key';\nimport type { Page } from './page';", 'Key'), 'Key');
    assert.strictEqual(await expand('type Page<T> = { items: T[] };', 'Page'), 'Page');
    assert.strictEqual(await expand('type Key = { id: number };\ninterface Key { name: string }', 'Key'), 'Key');
  });
});
