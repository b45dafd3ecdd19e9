import * as assert from 'assert';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { extractFileFacts } from '../../../src/engine/project/extract-facts';
import type { FileFacts } from '../../../src/engine/project/facts';
import { resolveModulePath } from '../../../src/engine/project/module-resolution';
import { ValueResolver, type FileSet, type Resolved } from '../../../src/engine/project/value-resolver';

// Values followed across files: what an import and a path of property reads and calls lead to.

/** Every file's facts, read whatever the project index would skip. */
async function fileSet(files: Record<string, string>): Promise<FileSet> {
  const facts = new Map<string, FileFacts>();
  for (const [name, text] of Object.entries(files)) {
    const { tree } = await parseSource(sharedGrammars(), 'javascript', text, 2000);
    facts.set(name, extractFileFacts(tree, text, name, 'javascript', '', '/p'));
    tree.delete();
  }
  return { files: facts, resolveImport: (from, specifier) => resolveModulePath(from, specifier, '/p', (f) => facts.has(f)) };
}

async function resolveFrom(files: Record<string, string>, from: string, source: string, path: string[]): Promise<{ resolved: Resolved; name?: string }> {
  const project = await fileSet(files);
  const resolver = new ValueResolver(project);
  const resolved = resolver.resolveImported(from, source, '=', path);
  const name = resolved.kind === 'function' ? project.files.get(resolved.file)?.functions[resolved.index]?.name : undefined;
  return { resolved, name };
}

const KNEX = "function knexUtils(knex) {\n  function truncated(column) { return knex.raw(column); }\n  return { truncated };\n}\nmodule.exports = { knexUtils };\n";

describe('ValueResolver', () => {
  it('finds a property of an exported object among the objects spread into it', async () => {
    const { resolved, name } = await resolveFrom({
      '/p/utils/knex.js': KNEX,
      '/p/utils/index.js': "const knexUtils = require('./knex');\nconst sleep = () => 1;\nmodule.exports = { sleep, ...knexUtils };\n",
      '/p/visits.js': "const utils = require('./utils');\n",
    }, '/p/visits.js', './utils', ['knexUtils']);
    assert.strictEqual(resolved.kind, 'function');
    assert.strictEqual(name, 'knexUtils');
  });

  it('reads the rest of a path in the object literal a function returns', async () => {
    const { resolved, name } = await resolveFrom({ '/p/utils/knex.js': KNEX, '/p/visits.js': "const k = require('./utils/knex');\n" }, '/p/visits.js', './utils/knex', ['knexUtils', '()', 'truncated']);
    assert.deepStrictEqual([resolved.kind, name, (resolved as { path?: string[] }).path], ['function', 'truncated', []]);
  });

  it('reads own properties only: a path through `constructor` or `toString` leads nowhere', async () => {
    for (const path of [['constructor'], ['knexUtils', '()', 'toString'], ['hasOwnProperty']]) {
      const { resolved } = await resolveFrom({ '/p/utils/knex.js': KNEX, '/p/visits.js': '' }, '/p/visits.js', './utils/knex', path);
      assert.strictEqual(resolved.kind, 'unknown', path.join('.'));
    }
  });

  it('keeps what a call returns followed by a property when the return is not an object literal', async () => {
    const project = await fileSet({ '/p/app.js': "const express = require('express');\nfunction make() { return express(); }\nmodule.exports = { make };\n" });
    const resolved = new ValueResolver(project).resolveImported('/p/other.js', './app', '=', ['make', '()', 'use']);
    assert.deepStrictEqual(resolved.kind === 'object' ? resolved.path : resolved, ['use']);
  });
});
