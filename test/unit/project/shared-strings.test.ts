import * as assert from 'assert';
import { execFileSync } from 'child_process';
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

  it('puts an exact copy in place of each list built here (a list built by push has room for more), not of lists parsed from JSON', () => {
    const strings = new SharedStrings();
    const events = [{ args: [{ kind: 'call' }] }];
    const built = { events, names: ['req', 'res', 'next', 'err', 'more'] };
    strings.share(built);
    assert.notStrictEqual(built.events, events, 'a copy in place of the list built here');
    assert.deepStrictEqual(built, { events: [{ args: [{ kind: 'call' }] }], names: ['req', 'res', 'next', 'err', 'more'] });
    assert.strictEqual(built.events[0], events[0], 'the copy holds the same elements');
    const parsed = JSON.parse('{"events":[{"args":[{"kind":"call"}]}]}') as { events: unknown[] };
    const list = parsed.events;
    strings.share(parsed, true);
    assert.strictEqual(parsed.events, list, 'a list parsed from JSON is exact already');
  });

  it('shares short lists of names and roots of values between files, frozen, but never a value itself', async () => {
    const text = "const { requireAuth } = require('./auth');\nconst router = require('express').Router();\n"
      + "router.get('/a', requireAuth, (req, res, next) => res.json(req.query));\nrouter.get('/b', requireAuth, (req, res, next) => res.json([]));\n";
    const one = await factsOfText('/p/a.js', text, 'javascript', sharedGrammars(), '/p');
    const other = await factsOfText('/p/b.js', text, 'javascript', sharedGrammars(), '/p');
    const expected = [structuredClone(one), structuredClone(other)];
    const strings = new SharedStrings();
    strings.share(one);
    strings.share(other);
    assert.deepStrictEqual([one, other], expected);
    const params = [...one.functions, ...other.functions].map((fn) => fn.params);
    assert.deepStrictEqual(params[0], ['req', 'res', 'next']);
    assert.ok(params.every((list) => list === params[0]), 'one list of parameters for all four handlers');
    assert.ok(Object.isFrozen(params[0]));
    const refs = [one, other].map((facts) => facts.events[0].args.find((arg) => arg.kind === 'ref'));
    const [a, b] = refs.map((arg) => (arg?.kind === 'ref' ? arg.ref : undefined));
    assert.ok(a && b && a.root === b.root && a.path === b.path, 'the root and path of `requireAuth` shared');
    assert.notStrictEqual(a, b, 'each file keeps its own value: what it resolves to depends on its file');
    const targets = one.events.map((event) => event.target);
    assert.ok(targets.length === 2 && targets[0] === targets[1] && Object.isFrozen(targets[0]), 'within a file, one value for both registrations on `router`');
  });

  it('leaves longer lists, and lists and objects holding more than names and numbers, as they were', () => {
    const strings = new SharedStrings();
    const make = () => ({ names: ['a', 'b', 'c', 'd', 'e'], mixed: ['a', 1], root: { kind: 'import', index: 1, name: 'x' }, span: { start: 1, end: 2 } });
    const one = make();
    const other = make();
    strings.share(one);
    strings.share(other);
    assert.deepStrictEqual(one, make());
    assert.ok(one.names !== other.names && one.mixed !== other.mixed && one.root !== other.root && one.span !== other.span);
    assert.ok(!Object.isFrozen(one.names) && !Object.isFrozen(one.root));
  });

  it('tells apart lists and roots whose keys meet: a name holding the separator, a kind holding a field', () => {
    const strings = new SharedStrings();
    const lists = [['a\u0000b'], ['a', 'b']];
    const roots = [{ kind: 'import,index:1' }, { kind: 'import', index: 1 }];
    for (const value of [...lists, ...roots]) strings.share({ value });
    const held = [...lists, ...roots].map((value) => strings.share({ value }).value);
    assert.deepStrictEqual(held, [['a\u0000b'], ['a', 'b'], { kind: 'import,index:1' }, { kind: 'import', index: 1 }]);
  });

  it('keeps no file text alive through the names cut from it', () => {
    // (a process of its own, to measure its heap)
    const result = heapOfSharedCuts(require.resolve('../../../src/engine/project/shared-strings'));
    assert.strictEqual(result.kept, 40, 'every name was kept');
    assert.ok(result.heapGrowthMb < 4, `the heap grew by ${result.heapGrowthMb.toFixed(1)} MB for 40 names cut from 20 texts of 1 MB`);
  });
});

/** In a new process: 20 texts of about 1 MB, two names of 20 characters or so cut from each and shared, the texts dropped; how much the heap grew. */
function heapOfSharedCuts(module: string): { kept: number; heapGrowthMb: number } {
  const code = `
    const { SharedStrings } = require(${JSON.stringify(module)});
    const v8 = require('v8');
    v8.setFlagsFromString('--expose-gc');
    const gc = require('vm').runInNewContext('gc');
    gc();
    const before = process.memoryUsage().heapUsed;
    const strings = new SharedStrings();
    const facts = [];
    for (let i = 0; i < 20; i += 1) {
      const text = ('const requireAuthentication' + i + ' = 1;\\n').repeat(30000);
      facts.push(strings.share({ names: [text.slice(6, 26 + (i % 3)), text.slice(100, 121)] }));
    }
    gc();
    const heapGrowthMb = (process.memoryUsage().heapUsed - before) / 1e6;
    process.stdout.write(JSON.stringify({ kept: facts.flatMap((f) => f.names).length, heapGrowthMb }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })) as { kept: number; heapGrowthMb: number };
}
