import * as assert from 'assert';
import { markSnippet } from '../../scripts/snippet-variants/marked-code';
import { stripTypes } from '../../scripts/snippet-variants/strip-types';
import { toCommonJs } from '../../scripts/snippet-variants/to-commonjs';
import { moduleSyntaxOf, packageTypeOf, snippetFormFor } from '../../src/extension/snippets/snippet-forms';

const js = (fileName: string, text = '') => ({ languageId: 'javascript', fileName, text });

describe('which snippet form fits a file', () => {
  it('TypeScript files get the typed form, whatever their module system', () => {
    assert.strictEqual(snippetFormFor({ languageId: 'typescript', fileName: 'a.cts', text: "const x = require('x');" }, 'commonjs'), 'typescript');
    assert.strictEqual(snippetFormFor({ languageId: 'typescriptreact', fileName: 'a.tsx', text: '' }, undefined), 'typescript');
  });

  it('.mjs and .cjs decide, whatever the file holds or package.json says', () => {
    assert.strictEqual(snippetFormFor(js('/p/a.mjs', "const x = require('x');"), 'commonjs'), 'esm');
    assert.strictEqual(snippetFormFor(js('/p/a.CJS', "import x from 'x';"), 'module'), 'commonjs');
  });

  it("a .js file's own imports or requires come before package.json", () => {
    assert.strictEqual(snippetFormFor(js('/p/a.js', "const express = require('express');\n"), 'module'), 'commonjs');
    assert.strictEqual(snippetFormFor(js('/p/a.js', "import express from 'express';\n"), 'commonjs'), 'esm');
    assert.strictEqual(snippetFormFor(js('/p/a.js', 'export function f() {}\n'), undefined), 'esm');
  });

  it('an empty .js file follows the nearest package.json, and CommonJS without one (Node\'s default)', () => {
    assert.strictEqual(snippetFormFor(js('/p/a.js'), 'module'), 'esm');
    assert.strictEqual(snippetFormFor(js('/p/a.js'), 'commonjs'), 'commonjs');
    assert.strictEqual(snippetFormFor(js('/p/a.js'), undefined), 'commonjs');
  });

  it('JSX files get the ES module form unless they already require()', () => {
    assert.strictEqual(snippetFormFor({ languageId: 'javascriptreact', fileName: '/p/App.jsx', text: '' }, 'commonjs'), 'esm');
    assert.strictEqual(snippetFormFor({ languageId: 'javascriptreact', fileName: '/p/App.jsx', text: "const React = require('react');" }, 'module'), 'commonjs');
  });

  it('offers nothing in other languages', () => {
    assert.strictEqual(snippetFormFor({ languageId: 'python', fileName: 'a.py', text: '' }, undefined), undefined);
  });

  it('reads module syntax from code, not from words in comments or dynamic import()', () => {
    assert.strictEqual(moduleSyntaxOf("// import x from 'x' would be ESM\nconst x = require('x');"), 'commonjs');
    assert.strictEqual(moduleSyntaxOf("const m = await import('x');\nmodule.exports = m;"), 'commonjs');
    assert.strictEqual(moduleSyntaxOf("import './polyfill.js';\n"), 'esm');
    assert.strictEqual(moduleSyntaxOf('const exported = 1;'), undefined);
  });

  it('reads package.json type; anything but "module" is CommonJS, unreadable JSON is unknown', () => {
    assert.strictEqual(packageTypeOf('{"type":"module"}'), 'module');
    assert.strictEqual(packageTypeOf('{"name":"x"}'), 'commonjs');
    assert.strictEqual(packageTypeOf('{ not json'), undefined);
  });
});

describe('deriving the JavaScript forms of a TypeScript snippet', () => {
  const derive = (body: string, access: 'module' | 'default' = 'module') => {
    const marked = markSnippet(body);
    const esm = stripTypes(marked.code);
    return { esm: marked.restore(esm), commonjs: marked.restore(toCommonJs(esm, () => access)) };
  };

  it('removes annotations, interfaces and type-only imports, keeping their types as JSDoc', () => {
    const { esm } = derive([
      "import type { Request } from 'express';",
      'interface Item { id: string }',
      'export function ${1:load}(req: Request, id?: string): Item | undefined {',
      '\treturn undefined as Item | undefined;',
      '}',
    ].join('\n'));
    assert.strictEqual(esm, [
      "/** @import { Request } from 'express' */",
      '/**',
      ' * @param {Request} req',
      ' * @param {string} [id]',
      ' * @returns {Item | undefined}',
      ' */',
      'export function ${1:load}(req, id) {',
      '\treturn undefined;',
      '}',
    ].join('\n'));
  });

  it('turns imports into require() and exports into exports.name, mirroring a placeholder it copies', () => {
    const { commonjs } = derive("import helmet from 'helmet';\nimport { a, b as c } from 'm';\nexport const ${1:limiter} = helmet();", 'default');
    assert.strictEqual(commonjs, "const helmet = require('helmet').default;\nconst { a, b: c } = require('m');\nconst ${1:limiter} = helmet();\nexports.$1 = $1;");
  });

  it('keeps escaped dollars and template literals as snippet text', () => {
    const { commonjs } = derive("export const q = (id: string) => `SELECT \\$1 \\${id}`;");
    assert.strictEqual(commonjs, '/** @param {string} id */\nconst q = (id) => `SELECT \\$1 \\${id}`;\nexports.q = q;');
  });

  it('refuses code that has no CommonJS form or needs generated code', () => {
    assert.throws(() => derive('const x = await f();'), /top-level await/);
    assert.throws(() => derive('enum E { A }'), /enum/);
    assert.throws(() => derive("export default 1;\nexport const a = 2;"), /both a default and named/);
  });
});
