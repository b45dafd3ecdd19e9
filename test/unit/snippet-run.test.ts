import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandSnippet } from '../../src/engine/snippet-expand';
import { loadSnippetLibrary } from './snippets/library';
import { NOT_RUN_OFFLINE, OFFLINE_ENGINES, postgresEngine, SQL_EFFECTS, SQL_FIXTURES, sqliteEngine, statedDialects, type SqlEngine } from './snippets/sql-engines';

const library = loadSnippetLibrary();
const sqlSnippets = library.snippets.filter((s) => s.languages.includes('sql'));
const pythonSnippets = library.snippets.filter((s) => s.languages.includes('python'));

function python3(): string | undefined {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return 'python3';
  } catch {
    return undefined;
  }
}

describe('SQL snippets run on the dialects their descriptions state', () => {
  const engines = new Map<string, SqlEngine>();
  before(async function () {
    this.timeout(120_000);
    engines.set('PostgreSQL', await postgresEngine());
    engines.set('SQLite', await sqliteEngine());
  });
  after(async () => {
    for (const engine of engines.values()) await engine.close();
  });

  for (const snippet of sqlSnippets) {
    const prefix = snippet.prefixes[0];
    const dialects = statedDialects(snippet.description);
    it(`${prefix} states its dialect`, () => {
      assert.ok(dialects.length > 0, `the description names no dialect in "(...) Guide:": ${snippet.description}`);
    });
    const runnable = dialects.filter((dialect) => OFFLINE_ENGINES.has(dialect));
    if (runnable.length === 0) {
      const reason = NOT_RUN_OFFLINE[prefix];
      it(`${prefix} is not run: ${reason ?? 'no reason given'}`, () => {
        assert.ok(reason, `${prefix} states only ${dialects.join(', ')}: no engine here runs it, and NOT_RUN_OFFLINE gives no reason`);
      });
    }
    for (const dialect of runnable) {
      it(`${prefix} runs on ${dialect}`, async () => {
        const effect = SQL_EFFECTS[prefix];
        const rows = await engines.get(dialect)!.run(SQL_FIXTURES[prefix] ?? '', expandSnippet(snippet.body), effect ? 2 : 1, effect?.query);
        if (effect) assert.deepStrictEqual(rows, effect.rows);
      });
    }
  }

  it('bg-paginate-keyset pages through bigint ids and rows in the same millisecond without losing one', async () => {
    const engine = engines.get('PostgreSQL')!;
    // Ids beyond 2^53 and timestamps that differ only in microseconds: what broke the cursor before.
    await engine.run([
      'CREATE TABLE posts (id bigint PRIMARY KEY, title text, created_at timestamptz NOT NULL);',
      "INSERT INTO posts SELECT 9007199254740993 + i, 'post ' || i, timestamptz '2026-01-01 12:00:00.123' + i * interval '1 microsecond' FROM generate_series(1, 7) AS i;",
      "INSERT INTO posts VALUES (3, 'same time as 9007199254740994', timestamptz '2026-01-01 12:00:00.123001');",
    ].join('\n'), '', 0);
    const snippet = library.nodeSnippets.find((s) => s.prefixes.includes('bg-paginate-keyset') && s.form === 'commonjs');
    assert.ok(snippet, 'no CommonJS form of bg-paginate-keyset');
    const handlers: ((req: unknown, res: unknown) => Promise<void>)[] = [];
    const router = { get: (_path: string, _auth: unknown, handler: (req: unknown, res: unknown) => Promise<void>) => handlers.push(handler) };
    new Function('router', 'requireAuth', 'pool', expandSnippet(snippet.body))(router, () => undefined, { query: engine.query });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      let body: { data: { id: unknown }[]; nextCursor: string | null } | undefined;
      let status = 200;
      const res = { status(code: number) { status = code; return res; }, json(value: typeof body) { body = value; return res; } };
      await handlers[0]({ query: cursor === undefined ? { limit: '3' } : { limit: '3', cursor } }, res);
      assert.strictEqual(status, 200, `page ${page + 1} answered ${status}: ${JSON.stringify(body)}`);
      seen.push(...body!.data.map((row) => String(row.id)));
      if (!body!.nextCursor) break;
      cursor = body!.nextCursor;
    }
    const expected = (await engine.query('SELECT id::text AS id FROM posts ORDER BY created_at DESC, id DESC', [])).rows.map((row) => String(row.id));
    assert.deepStrictEqual(seen, expected);
  });

  it('every snippet that runs on an offline engine has its fixture', () => {
    const missing = sqlSnippets.filter((s) => statedDialects(s.description).some((d) => OFFLINE_ENGINES.has(d)) && !(s.prefixes[0] in SQL_FIXTURES));
    assert.deepStrictEqual(missing.map((s) => s.prefixes[0]), []);
  });
});

describe('Python snippets compile', () => {
  const python = python3();
  const title = python ? 'python3 -m py_compile accepts every Python snippet' : 'python3 -m py_compile: skipped, python3 is not installed here';
  it(title, function () {
    this.timeout(60_000);
    if (!python) this.skip();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-py-'));
    try {
      const files = pythonSnippets.map((snippet, i) => {
        const file = path.join(folder, `snippet_${i}.py`);
        fs.writeFileSync(file, expandSnippet(snippet.body));
        return file;
      });
      assert.ok(files.length > 0, 'no Python snippet');
      execFileSync(python!, ['-m', 'py_compile', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
