import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../../../src/cli/main';

/** The official SARIF 2.1.0 JSON schema, as shipped by Microsoft's @microsoft/jest-sarif package. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('SARIF output', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-sarif-'));
  fs.mkdirSync(path.join(root, 'src', 'data access'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'data access', 'orders.ts'), 'import { Pool } from "pg";\nconst pool = new Pool();\nexport const find = (id: string) => pool.query(`SELECT * FROM orders WHERE id = ${id}`);\n');
  fs.writeFileSync(path.join(root, 'src', 'min.js'), `var a=${'1+'.repeat(5000)}1;\n`.repeat(3));
  fs.writeFileSync(path.join(root, 'src', 'broken.js'), 'const broken = {;\ndb.query("SELECT 1");\n');

  async function sarif(): Promise<any> {
    let out = '';
    const code = await runCli(['lint', '--format', 'sarif'], { cwd: root, stdout: (t) => { out += t; }, stderr: () => undefined });
    assert.strictEqual(code, 0);
    return JSON.parse(out);
  }

  it('is valid against the SARIF 2.1.0 schema', async () => {
    const validate = sarifValidator();
    const log = await sarif();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.ok(!validate({ version: '2.1.0' }), 'the validator rejects a log without runs');
  });

  it('carries each rule\'s lesson in help.markdown and help.text, with web links only', async () => {
    const rules = (await sarif()).runs[0].tool.driver.rules;
    assert.deepStrictEqual(rules.map((r: any) => r.id).sort(), ['missing-auth', 'missing-helmet', 'python-security-headers', 'sql-concatenation']);
    const helmet = rules.find((r: any) => r.id === 'missing-helmet');
    assert.match(helmet.help.markdown, /^## Helmet\n/);
    assert.match(helmet.help.markdown, /Incorrect \(flagged by `missing-helmet`\):\n\n```js\n/);
    assert.match(helmet.help.markdown, /## Sources\n/);
    assert.match(helmet.help.text, /Helmet \(https:\/\/helmetjs\.github\.io\/\) is Express middleware/);
    for (const rule of rules) {
      assert.strictEqual(rule.helpUri, undefined, 'no link to a published guide: there is none');
      const targets = [...rule.help.markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
      assert.ok(targets.length > 0, rule.id);
      assert.deepStrictEqual(targets.filter((t: string) => !/^https?:\/\//.test(t)), [], `${rule.id} links only to the web`);
      assert.doesNotMatch(rule.help.text, /\]\(/, `${rule.id} help.text has no Markdown links`);
    }
  });

  it('reports results with ruleId, relative artifact URI and region', async () => {
    const run = (await sarif()).runs[0];
    const result = run.results.find((r: any) => r.ruleId === 'sql-concatenation');
    assert.ok(result, 'a sql-concatenation result');
    assert.strictEqual(run.tool.driver.rules[result.ruleIndex].id, 'sql-concatenation');
    const location = result.locations[0].physicalLocation;
    assert.strictEqual(location.artifactLocation.uri, 'src/data%20access/orders.ts');
    assert.strictEqual(location.artifactLocation.uriBaseId, 'SRCROOT');
    assert.deepStrictEqual({ startLine: location.region.startLine, startColumn: location.region.startColumn }, { startLine: 3, startColumn: 48 });
    assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file:///') && run.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
  });

  it('lists skipped and partly analysed files as notifications', async () => {
    const notes = (await sarif()).runs[0].invocations[0].toolExecutionNotifications;
    assert.deepStrictEqual(notes.map((n: any) => n.locations[0].physicalLocation.artifactLocation.uri), ['src/min.js', 'src/broken.js']);
    assert.match(notes[0].message.text, /minified/);
    assert.match(notes[1].message.text, /syntax error near line 1, column 17/);
  });
});
