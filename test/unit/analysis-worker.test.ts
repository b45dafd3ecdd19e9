import * as assert from 'assert';
import * as path from 'path';
import { AnalysisClient, type PassResult, type Transport } from '../../src/analysis-worker/client';
import type { Reply, Request } from '../../src/analysis-worker/protocol';
import { analyze } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/engine/config';
import type { ContentChange } from '../../src/engine/incremental';
import { seededRandom, pick } from './seeded-random';

const WORKER_FILE = path.join(__dirname, '..', '..', 'src', 'analysis-worker', 'worker-main.js');
const SAFE = [
  "const express = require('express');",
  "const helmet = require('helmet');",
  "const mysql = require('mysql2');",
  'const db = mysql.createConnection({});',
  'const app = express();',
  'app.use(helmet());',
  "app.get('/orders/:id', (req, res) => {",
  "  db.query('SELECT * FROM orders WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));",
  '});',
  '',
].join('\n');
const UNSAFE_CALL = "db.query('SELECT * FROM orders WHERE id = ' + req.params.id, (err, rows) => res.json(rows));";
const SAFE_CALL = "db.query('SELECT * FROM orders WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));";

function apply(text: string, change: ContentChange): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}

/** The next result the client publishes for `version` of document `id`. */
function resultFor(client: AnalysisClient, id: string, version: number, scope = 'file'): Promise<PassResult> {
  return new Promise((resolve) => {
    const off = client.onResult((r) => { if (r.id === id && r.version === version && r.scope === scope) { off(); resolve(r); } });
  });
}

const openOptions = (text: string, version = 1) => () => ({ text, version, languageId: 'javascript', fileName: '/p/app.js', config: defaultConfig() });

describe('analysis worker', () => {
  it('drops a result for an older version than the newest sent, and publishes the one for the newest', async () => {
    const posted: Request[] = [];
    let deliver: (reply: Reply) => void = () => undefined;
    const client = AnalysisClient.start({ log: () => undefined, transport: (d): Transport => { deliver = d; return { post: (r) => posted.push(r), stop: async () => undefined }; } });
    const published: PassResult[] = [];
    client.onResult((r) => published.push(r));
    client.open('a', openOptions(SAFE));
    client.edit('a', 2, [{ rangeOffset: 0, rangeLength: 0, text: ' ' }]);
    client.analyze('a', 'file');
    client.edit('a', 3, [{ rangeOffset: 0, rangeLength: 0, text: ' ' }]);
    client.analyze('a', 'file');
    assert.deepStrictEqual(posted.map((r) => `${r.type}${'version' in r ? r.version : ''}`), ['open1', 'edit2', 'analyze2', 'edit3', 'analyze3']);
    const wire = (posted[0] as { id: string }).id;
    const reply = (version: number, ruleId: string): Reply => ({ type: 'result', id: wire, version, scope: 'file', findingsJson: JSON.stringify([{ ruleId }]), notes: [], engineMs: 1 });
    // the newest answer first, then a stale one arriving late
    deliver(reply(3, 'newest'));
    deliver(reply(2, 'stale'));
    assert.deepStrictEqual(published.map((r) => [r.version, r.findings.map((f) => f.ruleId)]), [[3, ['newest']]]);
    // opened again (a configuration change) at the same version: a late answer for the first opening is dropped
    client.open('a', openOptions(SAFE, 3));
    client.analyze('a', 'file');
    deliver(reply(3, 'first opening'));
    assert.deepStrictEqual(published.map((r) => r.findings[0].ruleId), ['newest']);
    await client.dispose();
  });

  it('finds and then no longer finds an injection while typing, in a real worker thread', async () => {
    const client = AnalysisClient.start({ workerFile: WORKER_FILE, log: (m) => assert.fail(`no fallback expected: ${m}`) });
    assert.strictEqual(client.inWorker, true);
    client.open('a', openOptions(SAFE));
    let first = resultFor(client, 'a', 1);
    client.analyze('a', 'file');
    assert.deepStrictEqual((await first).findings, []);
    const at = SAFE.indexOf(SAFE_CALL);
    const unsafe: ContentChange = { rangeOffset: at, rangeLength: SAFE_CALL.length, text: UNSAFE_CALL };
    first = resultFor(client, 'a', 2);
    client.edit('a', 2, [unsafe]);
    client.analyze('a', 'file');
    assert.deepStrictEqual((await first).findings.map((f) => f.ruleId), ['sql-concatenation']);
    first = resultFor(client, 'a', 3);
    client.edit('a', 3, [{ rangeOffset: at, rangeLength: UNSAFE_CALL.length, text: SAFE_CALL }]);
    client.analyze('a', 'file');
    assert.deepStrictEqual((await first).findings, []);
    await client.dispose();
  });

  it('runs in this thread, saying why, when the worker script cannot be loaded', async () => {
    const logged: string[] = [];
    let moved: () => void = () => undefined;
    const hasMoved = new Promise<void>((resolve) => { moved = resolve; });
    const client = AnalysisClient.start({ workerFile: path.join(__dirname, 'no-such-worker.js'), log: (m) => { logged.push(m); moved(); } });
    client.open('a', openOptions(SAFE.replace(SAFE_CALL, UNSAFE_CALL)));
    // the worker fails to load its script after it started; then the document is opened here again
    await hasMoved;
    assert.strictEqual(client.inWorker, false);
    const result = resultFor(client, 'a', 1);
    client.analyze('a', 'file');
    assert.deepStrictEqual((await result).findings.map((f) => f.ruleId), ['sql-concatenation']);
    assert.ok(logged.some((m) => /host thread/.test(m)), logged.join('\n'));
    await client.dispose();
  });

  it('in this thread, a keystroke pass over its budget is deferred; in the worker the same pass is finished', async () => {
    const text = SAFE.replace(SAFE_CALL, UNSAFE_CALL);
    const passWithNoTime = async (client: AnalysisClient): Promise<PassResult> => {
      client.open('a', openOptions(text));
      const result = resultFor(client, 'a', 2);
      client.edit('a', 2, [{ rangeOffset: text.length, rangeLength: 0, text: '\n' }]);
      client.analyze('a', 'file', { budgetMs: 0 });
      return result;
    };
    const here = AnalysisClient.start({ log: () => undefined });
    assert.strictEqual(here.inWorker, false);
    const deferred = await passWithNoTime(here);
    assert.ok(deferred.deferred, 'deferred in this thread');
    assert.deepStrictEqual(deferred.findings, []);
    await here.dispose();
    const worker = AnalysisClient.start({ workerFile: WORKER_FILE, log: (m) => assert.fail(m) });
    const finished = await passWithNoTime(worker);
    assert.strictEqual(finished.deferred, undefined);
    assert.deepStrictEqual(finished.findings.map((f) => f.ruleId), ['sql-concatenation']);
    await worker.dispose();
  });

  it('opens the documents again in this thread when the worker dies, from their current text', async () => {
    let fail: (reason: string) => void = () => undefined;
    const logged: string[] = [];
    const client = AnalysisClient.start({ log: (m) => logged.push(m), transport: (_d, f): Transport => { fail = f; return { post: () => undefined, stop: async () => undefined }; } });
    let current = SAFE;
    let version = 1;
    client.open('a', () => ({ text: current, version, languageId: 'javascript', fileName: '/p/app.js', config: defaultConfig() }));
    current = SAFE.replace(SAFE_CALL, UNSAFE_CALL);
    version = 2;
    client.edit('a', 2, [{ rangeOffset: SAFE.indexOf(SAFE_CALL), rangeLength: SAFE_CALL.length, text: UNSAFE_CALL }]);
    const result = resultFor(client, 'a', 2);
    client.analyze('a', 'file');
    fail('the worker exited (code 1)');
    assert.strictEqual(client.inWorker, false);
    assert.deepStrictEqual((await result).findings.map((f) => f.ruleId), ['sql-concatenation']);
    assert.ok(logged.some((m) => m.includes('the worker exited')), logged.join('\n'));
    await client.dispose();
  });

  it('matches a fresh analysis with every rule after 150 random edits sent as changes only (fixed seed)', async () => {
    const next = seededRandom(31);
    const client = AnalysisClient.start({ workerFile: WORKER_FILE, log: (m) => assert.fail(m) });
    let text = SAFE + "app.post('/orders', (req, res) => { db.query(`DELETE FROM orders WHERE id = ${req.body.id}`); res.end(); });\n";
    client.open('a', openOptions(text));
    const pieces = ['a', ' ', "'", '+', '\n', '(', ')', '`', '${id}', ';', '{', '}', 'req.query.x', 'helmet', "app.get('/x', (req, res) => res.send(db.query('SELECT ' + req.query.q)));\n"];
    for (let version = 2; version <= 151; version++) {
      const changes: ContentChange[] = [];
      for (let c = next() < 0.2 ? 2 : 1; c > 0; c--) {
        const offset = Math.floor(next() * (text.length + 1));
        const length = next() < 0.3 ? Math.min(Math.floor(next() * 12), text.length - offset) : 0;
        const change = { rangeOffset: offset, rangeLength: length, text: length && next() < 0.5 ? '' : pick(next, pieces) };
        changes.push(change);
        text = apply(text, change);
      }
      client.edit('a', version, changes);
      // every few edits, as when typing pauses: the worker takes in the burst and analyses once
      if (version % 3 !== 0 && version !== 151) continue;
      const results = Promise.all([resultFor(client, 'a', version, 'file'), resultFor(client, 'a', version, 'project')]);
      client.analyze('a', 'file');
      client.analyze('a', 'project');
      const fresh = await analyze(text, { languageId: 'javascript', fileName: '/p/app.js', describeSyntaxErrors: false });
      const [file, project] = await results;
      const sortKey = (f: { ruleId: string; range: unknown; message: string }) => JSON.stringify([f.ruleId, f.range, f.message]);
      assert.deepStrictEqual([...file.findings, ...project.findings].map(sortKey).sort(), fresh.findings.map(sortKey).sort(), `after edit ${version}: ${JSON.stringify(changes)}`);
    }
    await client.dispose();
  });
});
