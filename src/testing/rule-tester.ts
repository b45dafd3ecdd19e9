import assert = require('assert');
import { analyze, type AnalysisResult } from '../engine/analyze';
import { defaultConfig, type EngineConfig } from '../engine/config';
import { placeholdersOf } from '../engine/messages';
import type { ProjectFacts } from '../engine/project';
import type { Rule } from '../engine/rule';
import { applyTextEdits } from '../engine/text';
import type { Finding, LanguageId } from '../engine/types';
import { projectFrom } from './project-from';

/** A case the rule must not flag. A bare string is JavaScript code. */
export interface ValidCase {
  code: string;
  name?: string;
  languageId?: LanguageId;
  fileName?: string;
  /** Rule options by section, merged into the config (for example `{ sql: { extraSinks: [...] } }`). */
  options?: Record<string, unknown>;
  project?: ProjectFacts;
  /**
   * Other files of the project by absolute path (package.json files included). When given, they are indexed
   * together with the analysed file (whose `fileName` defaults to `/project/app.js`) and passed as `project`.
   */
  files?: Readonly<Record<string, string>>;
}

/** What one finding must look like; lines and columns are 1-based, as in ESLint's RuleTester. */
export interface ExpectedFinding {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Substrings the final message must contain. */
  messageIncludes?: string[];
  /** How the final message begins (`POST /orders` rather than `GET/POST /orders`). */
  messageStartsWith?: string;
  /** The related locations, in order (1-based lines, like `line`); checked only when given. */
  related?: { line: number; column?: number; messageIncludes?: string }[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /**
   * The text after applying the first fix of the first finding; `null` when no fix may be offered.
   * Leave it out only for findings whose fixes another case checks.
   */
  output?: string | null;
  /** Which fix to apply for `output`, by title substring; defaults to the first. */
  fixTitle?: string;
}

export interface RuleTestCases {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

function caseName(c: ValidCase): string {
  if (c.name) return c.name;
  const oneLine = c.code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 90 ? `${oneLine.slice(0, 87)}...` : oneLine;
}

function configFor(c: ValidCase): EngineConfig {
  return { ...defaultConfig(), options: { ...(c.options ?? {}) } };
}

async function run(rule: Rule, c: ValidCase, code = c.code): Promise<AnalysisResult> {
  const languageId = c.languageId ?? 'javascript';
  const fileName = c.fileName ?? (c.files ? `/project/${defaultFileName(languageId)}` : defaultFileName(languageId));
  const project = c.files ? await projectFrom({ ...c.files, [fileName]: code }) : c.project;
  const result = await analyze(code, { languageId, fileName, config: configFor(c), rules: [rule], project });
  assert.strictEqual(result.skipped, undefined, `file was skipped: ${result.skipped}`);
  const failures = result.notes.filter((n) => !n.startsWith('syntax error'));
  assert.deepStrictEqual(failures, [], 'the rule must run without failing');
  if (c.files) {
    // the CLI's facts defer call arguments and text returns, read again when asked: the same findings either way
    const deferred = await analyze(code, { languageId, fileName, config: configFor(c), rules: [rule], project: await projectFrom({ ...c.files, [fileName]: code }, { deferCalls: true }) });
    assert.deepStrictEqual(deferred.findings, result.findings, 'the same findings with the call facts deferred (as the CLI takes them)');
  }
  return result;
}

function defaultFileName(languageId: LanguageId): string {
  return { javascript: 'app.js', javascriptreact: 'app.jsx', typescript: 'app.ts', typescriptreact: 'app.tsx', python: 'app.py', php: 'app.php', java: 'App.java', ruby: 'app.rb' }[languageId];
}

function checkFinding(rule: Rule, actual: Finding, expected: ExpectedFinding, index: number): void {
  const template = rule.meta.messages[expected.messageId];
  assert.ok(template !== undefined, `finding ${index}: message id '${expected.messageId}' is not in the rule's messages`);
  assert.strictEqual(actual.messageId, expected.messageId, `finding ${index}: message id`);
  for (const name of placeholdersOf(template)) {
    assert.ok(!actual.message.includes(`{{${name}}}`) && !actual.message.includes(`{{ ${name} }}`), `finding ${index}: placeholder '${name}' left unfilled`);
  }
  const at = { line: actual.range.start.line + 1, column: actual.range.start.character + 1, endLine: actual.range.end.line + 1, endColumn: actual.range.end.character + 1 };
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    if (expected[key] !== undefined) assert.strictEqual(at[key], expected[key], `finding ${index}: ${key} (message: ${actual.message})`);
  }
  if (expected.messageStartsWith !== undefined) assert.ok(actual.message.startsWith(expected.messageStartsWith), `finding ${index}: message should start with ${JSON.stringify(expected.messageStartsWith)}: ${actual.message}`);
  for (const part of expected.messageIncludes ?? []) assert.ok(actual.message.includes(part), `finding ${index}: message should include ${JSON.stringify(part)}: ${actual.message}`);
  if (expected.related) {
    const related = actual.related.map((r) => ({ line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message }));
    assert.strictEqual(related.length, expected.related.length, `finding ${index}: related locations ${JSON.stringify(related)}`);
    expected.related.forEach((r, i) => {
      assert.strictEqual(related[i].line, r.line, `finding ${index}: related ${i} line`);
      if (r.column !== undefined) assert.strictEqual(related[i].column, r.column, `finding ${index}: related ${i} column`);
      if (r.messageIncludes !== undefined) assert.ok(related[i].message.includes(r.messageIncludes), `finding ${index}: related ${i} message: ${related[i].message}`);
    });
  }
  assert.strictEqual(actual.guideAnchor, rule.meta.guideAnchor);
}

async function checkFix(rule: Rule, c: InvalidCase, findings: Finding[]): Promise<void> {
  const fixes = findings[0]?.fixes ?? [];
  if (c.output === null) {
    assert.deepStrictEqual(fixes.map((f) => f.title), [], 'no fix may be offered');
    return;
  }
  const fix = c.fixTitle ? fixes.find((f) => f.title.includes(c.fixTitle!)) : fixes[0];
  assert.ok(fix, `expected a fix${c.fixTitle ? ` titled '${c.fixTitle}'` : ''}; offered: ${JSON.stringify(fixes.map((f) => f.title))}`);
  const output = applyTextEdits(c.code, fix.edits);
  assert.strictEqual(output, c.output, 'fix output');
  const before = await run(rule, c);
  const after = await run(rule, c, output);
  const hadSyntaxError = before.notes.some((n) => n.startsWith('syntax error'));
  if (!hadSyntaxError) assert.ok(!after.notes.some((n) => n.startsWith('syntax error')), `the fixed code must parse: ${after.notes.join('; ')}`);
  const sameFinding = after.findings.filter((f) => f.messageId === findings[0].messageId && f.range.start.line === findings[0].range.start.line);
  assert.ok(after.findings.length < before.findings.length || sameFinding.length === 0, 'the fix must remove the finding');
}

/**
 * Declares one mocha test per case, in the style of ESLint's RuleTester: valid cases yield no finding,
 * invalid cases yield exactly the listed findings (message id, position) and the fix output given.
 */
export function runRuleTests(rule: Rule, cases: RuleTestCases): void {
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      for (const raw of cases.valid) {
        const c = typeof raw === 'string' ? { code: raw } : raw;
        it(caseName(c), async () => {
          const { findings } = await run(rule, c);
          assert.deepStrictEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), [], 'expected no finding');
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(caseName(c), async () => {
          assert.ok(c.errors.length > 0, 'an invalid case lists at least one finding');
          const { findings } = await run(rule, c);
          assert.strictEqual(findings.length, c.errors.length, `number of findings: ${JSON.stringify(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.messageId}`))}`);
          c.errors.forEach((expected, i) => checkFinding(rule, findings[i], expected, i));
          if (c.output !== undefined) await checkFix(rule, c, findings);
        });
      }
    });
  });
}
