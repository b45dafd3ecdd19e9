import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileScanner } from '../../../src/cli/file-scanner';
import { projectOfFacts } from '../../../src/cli/project';
import { analyzeFile } from '../../../src/cli/scan';
import { resultBeforeFacts, analyze } from '../../../src/engine/analyze';
import { defaultConfig } from '../../../src/engine/config';
import type { Rule } from '../../../src/engine/rule';
import { parsedFactsOfText } from '../../../src/engine/project/project-index';
import { sharedGrammars } from '../../../src/engine/parser';
import { projectFrom } from '../../../src/testing/project-from';

// Files no rule can report in are settled in the facts pass: their report is made there, and the analysis
// neither reads nor parses them again.

const FILES: Record<string, string> = {
  // query calls with constant text only, and a syntax error the report must still name
  'src/users.js': 'const { pool } = require("./db");\nexports.list = () => pool.query("SELECT id FROM users");\nexports.broken = () => { return (1 + ; };\n',
  // no rule's words at all
  'src/format.js': 'exports.pad = (s) => String(s).padStart(4, "0");\n',
  'src/routes.js': 'const router = require("express").Router();\nconst users = require("./users");\nrouter.get("/users", async (req, res) => res.json(await users.list()));\nmodule.exports = router;\n',
};

function writeProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-settled-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('files settled in the facts pass', () => {
  it('are not read again for their analysis; the others are', async () => {
    const root = writeProject();
    const files = Object.keys(FILES).map((name) => path.join(root, name));
    const scanner = new FileScanner({ root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 });
    const pass = await scanner.facts(files);
    assert.deepStrictEqual(pass.kept, [path.join(root, 'src/users.js'), path.join(root, 'src/format.js')], 'the thread analyses the settled files itself');
    // gone from disk before the analysis: a file read again could not be
    for (const file of files) fs.rmSync(file);
    const reports = await scanner.analyze(projectOfFacts(root, pass.facts, []));
    const byName = new Map(reports.map((r) => [r.relative, r]));
    assert.strictEqual(byName.get('src/users.js')?.skipped, undefined);
    assert.strictEqual(byName.get('src/format.js')?.skipped, undefined);
    assert.match(byName.get('src/routes.js')?.skipped ?? '', /cannot be read/);
  });

  it('get the report their analysis would give, syntax error included', async () => {
    const root = writeProject();
    const files = Object.keys(FILES).map((name) => path.join(root, name));
    const settings = { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 };
    const scanner = new FileScanner(settings);
    const pass = await scanner.facts(files);
    const project = projectOfFacts(root, pass.facts, []);
    const reports = await scanner.analyze(project);
    for (const file of files) {
      const analysed = await analyzeFile(file, FILES[path.relative(root, file)], { ...settings, project });
      assert.deepStrictEqual(reports.find((r) => r.file === file), analysed, file);
    }
    assert.deepStrictEqual(reports.find((r) => r.relative === 'src/users.js')?.syntaxError, { line: 2, character: 32 });
  });
});

describe('resultBeforeFacts', () => {
  const fileName = '/p/src/users.js';
  const options = { languageId: 'javascript', fileName, config: defaultConfig() };

  async function before(text: string) {
    const parsed = await parsedFactsOfText(fileName, text, 'javascript', sharedGrammars(), '/p', true, true);
    try {
      return resultBeforeFacts(text, options, parsed.tree && { tree: parsed.tree, facts: parsed.facts });
    } finally {
      parsed.tree?.delete();
    }
  }

  it('is what analyze gives against the whole project, for a file no rule can report in', async () => {
    const text = FILES['src/users.js'];
    const project = await projectFrom({ [fileName]: text, '/p/src/app.js': 'const users = require("./users");\nrequire("express")().get("/u", (req, res) => users.list());\n' }, { rootDir: '/p', deferCalls: true });
    assert.deepStrictEqual(await before(text), await analyze(text, { ...options, project }));
  });

  it('is unknown where a rule may report, or where the analysis would skip the file and say why', async () => {
    assert.strictEqual(await before('const db = require("./db");\nexports.byId = (id) => db.query("SELECT * FROM t WHERE id = " + id);\n'), undefined);
    const tooLarge = { ...options, config: { ...defaultConfig(), maxFileSizeBytes: 10 } };
    assert.strictEqual(resultBeforeFacts(FILES['src/format.js'], tooLarge), undefined);
  });

  it('needs no tree where no rule may report by the text alone', () => {
    assert.deepStrictEqual(resultBeforeFacts(FILES['src/format.js'], options), { findings: [], notes: [] });
  });

  describe('asks the rules with costly looks last', () => {
    const meta = { description: '', defaultSeverity: 'warning' as const, languages: ['javascript' as const], references: [], messages: {}, guideAnchor: 'security', scope: 'file' as const };
    /** A rule whose looks say `text` and `tree`, and note that they were asked in `asked`. */
    const rule = (id: string, looks: { text: boolean; tree: boolean }, asked: string[], costlyLooks = false): Rule => ({
      meta: { ...meta, id },
      ...(costlyLooks ? { costlyLooks } : {}),
      mayReport: () => (asked.push(`${id} text`), looks.text),
      mayReportInTree: () => (asked.push(`${id} tree`), looks.tree),
      check: () => undefined,
    });
    const brokenText = 'exports.f = () => { return (1 + ; };\n';

    async function settle(rules: (asked: string[]) => Rule[], text = FILES['src/format.js']) {
      const asked: string[] = [];
      const parsed = await parsedFactsOfText(fileName, text, 'javascript', sharedGrammars(), '/p', true, true);
      try {
        return { result: resultBeforeFacts(text, { ...options, rules: rules(asked) }, parsed.tree && { tree: parsed.tree, facts: parsed.facts }), asked };
      } finally {
        parsed.tree?.delete();
      }
    }

    it('and not at all once another rule may report by both its looks', async () => {
      const { result, asked } = await settle((asked) => [rule('costly', { text: true, tree: true }, asked, true), rule('cheap', { text: true, tree: true }, asked)]);
      assert.deepStrictEqual([result, asked], [undefined, ['cheap text', 'cheap tree']]);
    });

    it('settling nothing where only the costly rule may report', async () => {
      const { result, asked } = await settle((asked) => [rule('costly', { text: true, tree: true }, asked, true), rule('cheap', { text: true, tree: false }, asked)]);
      assert.deepStrictEqual([result, asked], [undefined, ['cheap text', 'cheap tree', 'costly text', 'costly tree']]);
    });

    it('giving what the analysis says of the tree when a rule may report by its text but none by its tree', async () => {
      const rules = (asked: string[]) => [rule('costly', { text: true, tree: false }, asked, true), rule('cheap', { text: false, tree: true }, asked)];
      const { result, asked } = await settle(rules, brokenText);
      assert.deepStrictEqual(asked, ['cheap text', 'costly text', 'costly tree']);
      assert.deepStrictEqual(result, await analyze(brokenText, { ...options, rules: rules([]) }));
      assert.strictEqual(result?.syntaxError?.line, 0);
    });

    it('and an empty report, with nothing said of syntax errors, when no rule may report by its text', async () => {
      const { result } = await settle((asked) => [rule('costly', { text: false, tree: true }, asked, true), rule('cheap', { text: false, tree: true }, asked)], brokenText);
      assert.deepStrictEqual(result, { findings: [], notes: [] });
    });
  });
});
