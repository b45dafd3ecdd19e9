import * as assert from 'assert';
import * as path from 'path';
import { cli, project } from './run-cli';

// The hostile shapes of issue 19 (bench/stress-shapes.cjs, the ones `npm run bench:stress` times), at small
// sizes: every finding the JSON report holds is in the text and SARIF reports too, and a file analysed only
// partly says so in all three. The time budget is raised so that what is found does not depend on the machine.

interface Shape {
  name: string;
  small: number;
  file: string;
  text(n: number): string;
  config?(n: number): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SHAPES } = require(path.resolve(__dirname, '../../../../bench/stress-shapes.cjs')) as { SHAPES: Shape[] };

describe('CLI: no finding lost silently on the hostile shapes, in any output format', () => {
  for (const shape of SHAPES) {
    it(`${shape.name} (${shape.small})`, async function () {
      this.timeout(120000);
      const root = project({ [shape.file]: shape.text(shape.small), '.backendguide.yaml': `timeBudgetMs: 600000\nmaxFileSizeKb: 16384\n${shape.config ? shape.config(shape.small) : ''}` });
      const json = JSON.parse((await cli(root, 'lint', shape.file, '--format', 'json')).stdout);
      const [file] = json.files;
      assert.ok(file && !file.skipped, `${shape.file} is analysed`);
      assert.ok(file.findings.length > 0, 'the shape holds findings');
      assert.strictEqual(json.summary.total, file.findings.length);
      const text = (await cli(root, 'lint', shape.file)).stdout;
      assert.match(text, new RegExp(`^${file.findings.length} finding\\(s\\)`, 'm'));
      assert.strictEqual(text.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l)).length, file.findings.length, 'one text line per finding');
      const sarif = JSON.parse((await cli(root, 'lint', shape.file, '--format', 'sarif')).stdout);
      const results = sarif.runs[0].results;
      assert.deepStrictEqual(results.map((r: any) => `${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}`), file.findings.map((f: any) => `${f.ruleId}@${f.line}`));
      const partly = [...file.timedOut, ...file.limited, ...file.failed];
      const notifications = sarif.runs[0].invocations[0].toolExecutionNotifications.filter((n: any) => /analysed partly|left code nested|time budget|failed/.test(n.message.text));
      assert.strictEqual(notifications.length > 0, partly.length > 0, 'SARIF says the file was analysed partly exactly when JSON does');
      assert.strictEqual(/analysed partly/.test(text), partly.length > 0, 'text says the file was analysed partly exactly when JSON does');
    });
  }

  it('a call nested deeper than the rule follows: the file is analysed partly, said in every format, and --fail-on-incomplete fails', async function () {
    this.timeout(120000);
    const nested = SHAPES.find((s) => s.file === 'nested.js')!;
    // 400 levels of nested calls are about 1,200 levels of syntax tree: the calls below the 1,000th are not checked
    const root = project({ 'nested.js': nested.text(400), '.backendguide.yaml': 'timeBudgetMs: 600000\n' });
    const json = JSON.parse((await cli(root, 'lint', 'nested.js', '--format', 'json')).stdout);
    assert.deepStrictEqual(json.files[0].limited, ['sql-concatenation']);
    assert.strictEqual(json.summary.limited, 1);
    assert.ok(json.files[0].notes.some((n: string) => /call\(s\) nested more than 1000 syntax levels deep were not checked/.test(n)));
    assert.ok(json.files[0].findings.length > 300, 'the calls above the limit are still checked');
    const text = await cli(root, 'lint', 'nested.js', '--fail-on-incomplete');
    assert.match(text.stdout, /analysed partly nested\.js: sql-concatenation left part of the file unchecked/);
    assert.match(text.stdout, /1 analysed partly \(a rule's work or nesting limit\)/);
    assert.strictEqual(text.code, 1);
    const sarif = JSON.parse((await cli(root, 'lint', 'nested.js', '--format', 'sarif')).stdout);
    assert.ok(sarif.runs[0].invocations[0].toolExecutionNotifications.some((n: any) => /left part of the file unchecked/.test(n.message.text)));
  });
});
