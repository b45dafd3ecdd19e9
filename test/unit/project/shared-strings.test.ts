import * as assert from 'assert';
import { sharedGrammars } from '../../../src/engine/parser';
import { factsOfText } from '../../../src/engine/project/project-index';
import { SharedStrings } from '../../../src/engine/project/shared-strings';

describe('SharedStrings: one copy of each string across facts', () => {
  it('leaves facts equal to what they were, at every depth, received as copies or not', async () => {
    const text = "const express = require('express');\nconst { pool } = require('./db');\nconst router = express.Router();\n"
      + "router.get('/users/:id', async (req, res) => { const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]); res.json(rows); });\n"
      + 'module.exports = { router, list: (req, res) => res.json([]) };\n';
    const one = await factsOfText('/p/a.js', text, 'javascript', sharedGrammars(), '/p');
    const other = await factsOfText('/p/b.js', text, 'javascript', sharedGrammars(), '/p');
    const expected = [structuredClone(one), structuredClone(other)];
    const strings = new SharedStrings();
    assert.strictEqual(strings.share(one), one, 'shared in place');
    strings.share(other);
    assert.deepStrictEqual([one, other], expected);
    assert.ok(one.functions.length > 0 && one.imports.length > 0, 'the facts had functions and imports to share names of');
  });

  it('shares strings inside arrays and nested objects, and leaves numbers, booleans and nulls alone', () => {
    const strings = new SharedStrings();
    const value = { a: ['x', 'y', { b: 'x', c: [1, true, null, 'y'] }], d: 'x'.repeat(20), e: undefined };
    const copy = structuredClone(value);
    strings.share(value);
    assert.deepStrictEqual(value, copy);
    assert.strictEqual(strings.share('text'), 'text');
    assert.strictEqual(strings.share(null), null);
  });

  it('replaces every empty array by one frozen empty array, which nothing can add to', () => {
    const strings = new SharedStrings();
    const one = { path: [] as string[], items: [{ path: [] as string[] }, ['x']] };
    const other = { path: [] as string[] };
    strings.share(one);
    strings.share(other);
    assert.strictEqual(one.path, other.path);
    assert.strictEqual((one.items[0] as { path: string[] }).path, other.path);
    assert.deepStrictEqual(one.items[1], ['x']);
    assert.ok(Object.isFrozen(other.path));
    assert.throws(() => other.path.push('y'), TypeError);
  });

  it('gives back undefined where the mark for it stands, in objects and arrays, in the same walk', () => {
    const mark = '\u0000undefined';
    const value: Record<string, unknown> & { c: Record<string, unknown> } = { a: mark, b: ['x', mark], c: { d: mark, e: 'x' }, f: 'undefined' };
    new SharedStrings().share(value, mark);
    assert.deepStrictEqual(value, { a: undefined, b: ['x', undefined], c: { d: undefined, e: 'x' }, f: 'undefined' });
    assert.ok(Object.hasOwn(value, 'a') && Object.hasOwn(value.c, 'd'), 'the keys stay, as they were sent');
    const unmarked = { a: mark };
    new SharedStrings().share(unmarked);
    assert.strictEqual(unmarked.a, mark, 'without a mark given, the string is a string');
  });
});
