import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli, project, VULNERABLE } from './run-cli';

describe('CLI', () => {
  it('prints help and exits 0 with --help, 2 with no arguments', async () => {
    const help = await cli(os.tmpdir(), '--help');
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /Usage: backend-guide lint/);
    assert.strictEqual((await cli(os.tmpdir())).code, 2);
  });

  it('exits 2 with a clear message on bad usage and on paths that do not exist', async () => {
    const root = project({});
    const unknown = await cli(root, 'lint', '--nope');
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option '--nope'/);
    const format = await cli(root, 'lint', '--format', 'xml');
    assert.strictEqual(format.code, 2);
    assert.match(format.stderr, /--format takes one of text, json, sarif/);
    const missing = await cli(root, 'lint', 'missing-folder');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /cannot read missing-folder \(no such file or folder\)/);
    const badConfig = await cli(root, 'lint', '--config', 'nowhere.yaml');
    assert.strictEqual(badConfig.code, 2);
  });

  it('exits 2 when a path holds nothing to check, so a mistyped path does not pass in CI, unless --allow-empty', async () => {
    const root = project({ 'README.md': '# notes\n', 'docs/guide.md': 'text\n', 'src/app.js': 'const x = 1;\n', 'node_modules/pkg/index.js': VULNERABLE });
    for (const argv of [['lint', 'docs'], ['lint', 'README.md'], ['lint', 'src', 'docs'], ['lint', 'node_modules/..', 'docs'], ['routes', 'docs']]) {
      const run = await cli(root, ...argv);
      assert.strictEqual(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /nothing to check in .*docs|nothing to check in README\.md/, argv.join(' '));
      assert.match(run.stderr, /--allow-empty/);
      assert.strictEqual(run.stdout, '');
    }
    const emptyFolder = await cli(project({ 'node_modules/pkg/index.js': VULNERABLE }), 'lint');
    assert.strictEqual(emptyFolder.code, 2);
    assert.match(emptyFolder.stderr, /nothing to check in \.: no \.js .* file there, outside the folders always skipped \(node_modules/);
    const allowed = await cli(root, 'lint', 'docs', '--allow-empty');
    assert.strictEqual(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /0 finding\(s\) .* in 0 of 0 file\(s\)/);
    assert.strictEqual((await cli(root, 'lint', 'src')).code, 0);
  });

  it('explain prints a rule\'s lesson in the terminal, lists the rules without one, and refuses an unknown one', async () => {
    const root = project({});
    const lesson = await cli(root, 'explain', 'missing-auth');
    assert.strictEqual(lesson.code, 0, lesson.stderr);
    assert.match(lesson.stdout, /^## Protecting endpoints\n/);
    assert.match(lesson.stdout, /Incorrect \(flagged by `missing-auth`\):/);
    assert.match(lesson.stdout, /CWE-862: Missing Authorization \(https:\/\/cwe\.mitre\.org\/data\/definitions\/862\.html\)/);
    assert.doesNotMatch(lesson.stdout, /\]\(/, 'links read as "label (url)", guide-internal ones as their label');
    const list = await cli(root, 'explain');
    assert.strictEqual(list.code, 0);
    assert.match(list.stdout, /^sql-concatenation +SQL text built.*\(JavaScript, TypeScript, Python, PHP, Java, Ruby\)$/m);
    assert.match(list.stdout, /^missing-helmet +Express apps/m);
    assert.match(list.stdout, /^python-security-headers +Python web apps/m);
    const columns = list.stdout.split('\n').filter((l) => /^[a-z-]+ +[A-Z]/.test(l)).map((l) => /^[a-z-]+ +/.exec(l)![0].length);
    assert.strictEqual(new Set(columns).size, 1, 'descriptions start in one column');
    const unknown = await cli(root, 'explain', 'sql-injection');
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /no rule 'sql-injection'; the rules are sql-concatenation, missing-helmet, missing-auth/);
  });

  it('points each finding of the text report to the explain command', async () => {
    const root = project({ 'src/db.js': VULNERABLE });
    const run = await cli(root, 'lint');
    assert.match(run.stdout, /3:10 +warning .* sql-concatenation\n +learn why: backend-guide explain sql-concatenation\n/);
    assert.doesNotMatch(run.stdout, /https?:/);
  });

  it('exits 0 when findings are only warnings, 1 when one is at error severity', async () => {
    const root = project({ 'src/db.js': VULNERABLE });
    const warn = await cli(root, 'lint');
    assert.strictEqual(warn.code, 0, warn.stderr);
    assert.match(warn.stdout, /src\/db\.js\n\s+3:10\s+warning/);
    fs.writeFileSync(path.join(root, '.backendguide.yaml'), 'rules:\n  sql-concatenation: error\n');
    const error = await cli(root, 'lint');
    assert.strictEqual(error.code, 1);
    assert.match(error.stdout, /1 finding\(s\) \(1 error/);
  });

  it('skips node_modules, the package managers\' folders, .git, build output, browser asset folders and configured ignores', async () => {
    const root = project({
      'public/js/app.js': VULNERABLE,
      '.yarn/sdks/eslint/lib/api.js': VULNERABLE,
      '.yarn/releases/yarn-4.5.0.cjs': VULNERABLE,
      '.pnpm-store/v3/files/index.js': VULNERABLE,
      'data/static/snippet.js': VULNERABLE,
      'node_modules/pkg/index.js': VULNERABLE,
      '.git/hooks/x.js': VULNERABLE,
      'dist/bundle.js': VULNERABLE,
      'legacy/old.js': VULNERABLE,
      'src/ok.js': 'const x = 1;\n',
      'src/generated/db.js': VULNERABLE,
      '.backendguide.yaml': 'ignore:\n  - "legacy/**"\n  - "src/generated/*.js"\n',
    });
    const result = await cli(root, 'lint', '--format', 'json');
    const report = JSON.parse(result.stdout);
    assert.deepStrictEqual(report.files.map((f: { path: string }) => f.path), ['src/ok.js']);
    // patterns are relative to the project, whichever folder is given
    const inSrc = JSON.parse((await cli(root, 'lint', 'src', '--format', 'json')).stdout);
    assert.deepStrictEqual(inSrc.files.map((f: { path: string }) => f.path), ['src/ok.js']);
  });

  it('writes the report to a file with -o', async () => {
    const root = project({ 'a.js': VULNERABLE });
    const result = await cli(root, 'lint', '-o', 'report.json', '--format=json');
    assert.strictEqual(result.stdout, '');
    const report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8'));
    assert.strictEqual(report.summary.total, 1);
    assert.deepStrictEqual(Object.keys(report.files[0].findings[0]).slice(0, 5), ['ruleId', 'messageId', 'severity', 'message', 'line']);
  });

  it('reports a skipped file with its reason instead of failing', async () => {
    const root = project({ 'bundle.js': `var a=${'1+'.repeat(5000)}1;\n`.repeat(3), 'b.js': VULNERABLE });
    const result = await cli(root, 'lint');
    assert.strictEqual(result.code, 0);
    assert.match(result.stdout, /skipped bundle\.js: file looks minified/);
  });
});
