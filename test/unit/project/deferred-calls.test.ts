import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { Grammars, sharedGrammars } from '../../../src/engine/parser';
import { parseSource, parseSourceNow } from '../../../src/engine/parse-source';
import type { ProjectFacts } from '../../../src/engine/project';
import { completeFacts } from '../../../src/engine/project/deferred-calls';
import { parsedFactsOfText } from '../../../src/engine/project/project-index';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';

// The CLI's facts pass leaves the origins of call arguments and the text returns of functions and classes out
// (most are never read); a rule that asks has them read again from the file's text. When that text cannot be
// had as it was (unreadable, changed since), what was asked counts as unknown: the finding stays.

const DB = '/p/src/db.js';
const ROUTES = '/p/src/routes.js';
const REPORT = '/p/src/report.js';
const db = "const pool = require('./pool');\nexport function byOwner(owner) {\n  return pool.query('SELECT * FROM items WHERE owner = ' + owner);\n}\nexport function table(name) {\n  return name === 'old' ? 'archive' : 'items';\n}\n";
const routes = "import { byOwner } from './db';\nexport const mine = () => byOwner(42);\n";
const report = "const pool = require('./pool');\nimport { table } from './db';\nexport const count = (req) => pool.query('SELECT count(*) FROM ' + table(req.query.kind));\n";
const files = { [DB]: db, [ROUTES]: routes, [REPORT]: report, '/p/src/pool.js': "module.exports = require('pg').Pool();\n" };
const classes = "export class Base {\n  table() {\n    return 'items';\n  }\n  all() {\n    return this.table();\n  }\n}\n";

async function sqlFindings(fileName: string, project: ProjectFacts): Promise<number[]> {
  const result = await analyze(files[fileName as keyof typeof files], { languageId: 'javascript', fileName, rules: [sqlConcatenation], project });
  return result.findings.map((f) => f.range.start.line + 1);
}

/** The project with the facts deferred, its files read through `readText`. */
async function deferredProject(readText: (name: string) => string | undefined): Promise<ProjectFacts> {
  const project = await projectFrom(files, { deferCalls: true });
  return { ...project, sources: { readText, grammars: sharedGrammars() } };
}

const inMemory = (name: string): string | undefined => (Object.hasOwn(files, name) ? files[name as keyof typeof files] : undefined);

describe('call facts deferred from the facts pass, read on demand', () => {
  it('the facts pass keeps each call with its number of arguments, and no text returns', async () => {
    const caller = (await parsedFactsOfText(ROUTES, routes, 'javascript', sharedGrammars(), '/p', false, true)).facts;
    assert.deepStrictEqual(caller.deferred, { grammars: ['javascript'] });
    assert.deepStrictEqual(caller.callSites.map((s) => [s.args, s.arity]), [[undefined, 1]]);
    const callee = (await parsedFactsOfText(DB, db, 'javascript', sharedGrammars(), '/p', false, true)).facts;
    assert.deepStrictEqual(callee.functions.map((f) => f.textReturn), [undefined, undefined]);
    const base = (await parsedFactsOfText('/p/src/base.js', classes, 'javascript', sharedGrammars(), '/p', false, true)).facts;
    assert.deepStrictEqual(base.classes?.Base, { textReturns: {}, thisMembers: ['table'] });
  });

  it('read again, a file gives the facts an eager facts pass gives', async () => {
    const eager = await projectFrom({ ...files, '/p/src/base.js': classes });
    const deferred = await projectFrom({ ...files, '/p/src/base.js': classes }, { deferCalls: true });
    for (const file of [DB, ROUTES, REPORT, '/p/src/base.js']) {
      assert.ok(deferred.files.get(file)?.deferred, file);
      assert.deepStrictEqual({ ...completeFacts(deferred, file), memberNames: undefined }, { ...eager.files.get(file), memberNames: undefined }, file);
    }
  });

  it('with every file read again as indexed: the callers and the helper seen, no finding', async () => {
    const project = await deferredProject(inMemory);
    assert.deepStrictEqual(await sqlFindings(DB, project), []);
    assert.deepStrictEqual(await sqlFindings(REPORT, project), []);
  });

  it('a caller changed since its facts were taken counts as handing the function on: the finding stays', async () => {
    const project = await deferredProject((name) => (name === ROUTES ? routes.replace('42', '43') : inMemory(name)));
    assert.deepStrictEqual(await sqlFindings(DB, project), [3]);
  });

  it('a caller that cannot be read again, or no way to read files: the finding stays', async () => {
    assert.deepStrictEqual(await sqlFindings(DB, await deferredProject((name) => (name === ROUTES ? undefined : inMemory(name)))), [3]);
    const project = await projectFrom(files, { deferCalls: true });
    assert.deepStrictEqual(await sqlFindings(DB, { ...project, sources: undefined }), [3]);
  });

  it("a helper whose file changed since: its text return is unknown, the query that uses it is reported", async () => {
    const project = await deferredProject((name) => (name === DB ? db.replace("'items'", "'things'") : inMemory(name)));
    assert.deepStrictEqual(await sqlFindings(REPORT, project), [3]);
  });

  it('says which grammars reading a file again takes: the fallback too when the parse retried with it', async () => {
    const typed = "import { byOwner } from './db';\nexport const mine = (id: number) => byOwner(id);\n";
    const facts = (await parsedFactsOfText(ROUTES, typed, 'javascript', sharedGrammars(), '/p', false, true)).facts;
    assert.deepStrictEqual(facts.deferred, { grammars: ['javascript', 'tsx'] });
  });

  it('parses synchronously only with the grammars a thread has loaded, to the same tree', async () => {
    const fresh = new Grammars();
    assert.strictEqual(parseSourceNow(fresh, 'javascript', routes, 5_000), undefined);
    const loaded = await parseSource(fresh, 'javascript', routes, 5_000);
    const now = parseSourceNow(fresh, 'javascript', routes, 5_000);
    assert.strictEqual(now?.tree.rootNode.toString(), loaded.tree.rootNode.toString());
    loaded.tree.delete();
    now?.tree.delete();
  });
});
