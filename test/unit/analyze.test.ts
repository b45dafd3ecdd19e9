import * as assert from 'assert';
import { analyze } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/engine/config';
import { ProjectIndex, type ProjectFacts } from '../../src/engine/project';
import { missingAuth } from '../../src/engine/rules/missing-auth';

const vulnerable = 'db.query("SELECT * FROM t WHERE id = " + id);\n';

describe('analyze', () => {
  it('finds nothing in an empty file', async () => {
    const result = await analyze('', { languageId: 'javascript', fileName: 'a.js' });
    assert.deepStrictEqual(result.findings, []);
    assert.strictEqual(result.skipped, undefined);
  });

  it('reports findings with 0-based ranges, guide anchor and severity', async () => {
    const { findings } = await analyze(vulnerable, { languageId: 'javascript', fileName: 'a.js' });
    assert.strictEqual(findings.length, 1);
    assert.deepStrictEqual(findings[0].range, { start: { line: 0, character: 9 }, end: { line: 0, character: 43 } });
    assert.strictEqual(findings[0].guideAnchor, 'sql-injection#sql-injection');
    assert.strictEqual(findings[0].severity, 'warning');
  });

  it('turns a rule off or changes its severity from config', async () => {
    const off = await analyze(vulnerable, { languageId: 'javascript', fileName: 'a.js', config: { ...defaultConfig(), rules: { 'sql-concatenation': 'off' } } });
    assert.strictEqual(off.findings.length, 0);
    const error = await analyze(vulnerable, { languageId: 'javascript', fileName: 'a.js', config: { ...defaultConfig(), rules: { 'sql-concatenation': 'error' } } });
    assert.strictEqual(error.findings[0].severity, 'error');
  });

  it('skips unknown languages, huge, binary and minified files with a reason', async () => {
    const cases: [string, string, RegExp][] = [
      ['x', 'go', /language 'go' is not analysed/],
      ['a'.repeat(2 * 1024 * 1024), 'javascript', /over the 1024 KB limit/],
      ['const a = 1;\u0000\u0001', 'javascript', /binary/],
      [`var a=${'1+'.repeat(5000)}1;\n`.repeat(3), 'javascript', /minified/],
    ];
    for (const [text, languageId, reason] of cases) {
      const result = await analyze(text, { languageId, fileName: 'x' });
      assert.match(result.skipped ?? '', reason);
      assert.deepStrictEqual(result.findings, []);
    }
  });

  it('does not parse a file no rule can report in (no query call, no route, no app), nor one a rule leaves out', async () => {
    for (const [text, fileName] of [['const broken = {;\nexport const total = (a, b) => a + b;\n', 'src/math.js'], ['const broken = {;\ndb.query("SELECT 1");\n', 'test/db.test.js']]) {
      const result = await analyze(text, { languageId: 'javascript', fileName });
      assert.deepStrictEqual([result.findings, result.notes, result.syntaxError, result.skipped], [[], [], undefined, undefined], fileName);
    }
    const read = await analyze('const broken = {;\ndb.query("SELECT 1");\n', { languageId: 'javascript', fileName: 'src/db.js' });
    assert.ok(read.syntaxError, 'a file with a query call is parsed, and its syntax error said');
    const auth = await analyze('const broken = {;\n', { languageId: 'javascript', fileName: 'app/api/users/route.js', rules: [missingAuth] });
    assert.ok(auth.syntaxError, 'a Next.js route file is read by missing-auth whatever its text');
  });

  it('stops a parse that exceeds the time budget instead of hanging', async () => {
    // (a query call, so that some rule reads the file and it is parsed)
    const text = `db.query('SELECT 1');\n${Array.from({ length: 40000 }, (_, i) => `function f${i}(a) { return a + ${i}; }`).join('\n')}`;
    const result = await analyze(text, { languageId: 'javascript', fileName: 'big.js', config: { ...defaultConfig(), maxFileSizeBytes: 1e8, timeBudgetMs: 1 } });
    assert.match(result.skipped ?? '', /time budget of 1 ms/);
  });

  it('keeps going on syntax errors and says so', async () => {
    const result = await analyze('function (\n' + vulnerable, { languageId: 'javascript', fileName: 'a.js' });
    assert.ok(result.notes.some((n) => /syntax error near line 1/.test(n)), result.notes.join());
    assert.strictEqual(result.findings.length, 1);
  });

  it('contains a failing rule: the others still run and the failure is noted', async () => {
    const broken = { meta: { id: 'broken', description: '', defaultSeverity: 'error' as const, languages: ['javascript' as const], references: [], messages: {}, guideAnchor: 'security', scope: 'file' as const }, check() { throw new Error('boom'); } };
    const result = await analyze(vulnerable, { languageId: 'javascript', fileName: 'a.js', rules: [broken] });
    assert.deepStrictEqual(result.notes, ['rule broken failed: boom']);
    assert.deepStrictEqual(result.failed, ['broken'], 'the failure is also named, so outputs can say the file was analysed partly');
  });

  it('keeps what a rule found before the time budget ran out in it, and names the rule', async () => {
    // reports one finding, then works on until the budget is spent (waits on the budget, asserts no duration)
    const slow = {
      meta: { id: 'slow', description: '', defaultSeverity: 'warning' as const, languages: ['javascript' as const], references: [], messages: { found: 'found' }, guideAnchor: 'security', scope: 'file' as const },
      check(context: { report(d: { messageId: string; node: unknown }): void; tree: { rootNode: unknown }; timeLeftMs(): number }) {
        context.report({ messageId: 'found', node: context.tree.rootNode });
        while (context.timeLeftMs() > 0) { /* the rest of a long analysis */ }
      },
    };
    const next = { meta: { ...slow.meta, id: 'next' }, check() { /* never reached */ } };
    const config = { ...defaultConfig(), timeBudgetMs: 300 };
    const result = await analyze(vulnerable, { languageId: 'javascript', fileName: 'a.js', config, rules: [slow as never, next as never] });
    assert.strictEqual(result.findings.filter((f) => f.ruleId === 'slow').length, 1, 'the finding made in time is kept');
    assert.deepStrictEqual(result.timedOut, ['slow', 'next']);
    assert.ok(result.notes.some((n) => /ran out in rule slow: its findings so far are kept/.test(n)), result.notes.join());
    assert.ok(result.notes.some((n) => /used up before rule next ran/.test(n)), result.notes.join());
  });

  it('does not charge a file for work shared by the whole project when asked (the CLI), whichever file triggers it', async () => {
    // A clock that moves only while the shared value is computed: the computation takes "a minute", the file nothing.
    const realNow = performance.now.bind(performance);
    let shift = 0;
    const project = new ProjectIndex('/p').facts();
    const shared = {
      meta: { id: 'shared', description: '', defaultSeverity: 'warning' as const, languages: ['javascript' as const], references: [], messages: {}, guideAnchor: 'security', scope: 'project' as const },
      check(context: { project?: ProjectFacts }) { context.project?.memo('slow-model', () => { shift += 60_000; return 1; }); },
    };
    const next = { meta: { ...shared.meta, id: 'next' }, check() { /* runs in time */ } };
    performance.now = () => realNow() + shift;
    try {
      const first = await analyze(vulnerable, { languageId: 'javascript', fileName: '/p/a.js', project, projectWorkApart: true, rules: [shared as never, next as never] });
      assert.strictEqual(shift, 60_000, 'the shared value was computed for this file');
      assert.strictEqual(first.timedOut, undefined, first.notes.join());
      assert.deepStrictEqual(first.notes, []);
    } finally {
      performance.now = realNow;
    }
  });

  it('honours inline suppressions with a reason', async () => {
    const text = '// backend-guide-disable-next-line sql-concatenation -- id is an integer\n' + vulnerable;
    assert.strictEqual((await analyze(text, { languageId: 'javascript', fileName: 'a.js' })).findings.length, 0);
    const other = '// backend-guide-disable-next-line missing-auth -- other rule\n' + vulnerable;
    assert.strictEqual((await analyze(other, { languageId: 'javascript', fileName: 'a.js' })).findings.length, 1);
  });
});
