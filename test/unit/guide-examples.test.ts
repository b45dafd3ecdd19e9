import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { analyze } from '../../src/engine/analyze';
import { ruleById } from '../../src/engine/registry';
import { parseFenceInfo } from '../../src/engine/guide';
import { markdownFiles, readRepoFile } from './guide-files';

const LANGUAGES: Record<string, { languageId: string; extension: string }> = {
  js: { languageId: 'javascript', extension: 'js' },
  jsx: { languageId: 'javascriptreact', extension: 'jsx' },
  ts: { languageId: 'typescript', extension: 'ts' },
  tsx: { languageId: 'typescriptreact', extension: 'tsx' },
  py: { languageId: 'python', extension: 'py' },
  php: { languageId: 'php', extension: 'php' },
  java: { languageId: 'java', extension: 'java' },
  ruby: { languageId: 'ruby', extension: 'rb' },
};

interface Example {
  file: string;
  line: number;
  code: string;
  language: string;
  verdict: 'correct' | 'incorrect';
  ruleId?: string;
}

/** Fenced blocks whose info string says `correct` or `incorrect <rule-id>`, in every walkthrough Markdown file. */
function examples(): Example[] {
  const md = new MarkdownIt();
  return markdownFiles('walkthroughs').flatMap((file) => md.parse(readRepoFile(file), {})
    .filter((token) => token.type === 'fence')
    .flatMap((token) => {
      const info = parseFenceInfo(token.info);
      return info.verdict ? [{ file, line: (token.map?.[0] ?? 0) + 1, code: token.content, language: info.language, verdict: info.verdict, ruleId: info.ruleId }] : [];
    }));
}

describe('guide examples are checked by the engine', () => {
  const all = examples();

  it('include incorrect and correct examples', () => {
    assert.ok(all.some((e) => e.verdict === 'incorrect'));
    assert.ok(all.some((e) => e.verdict === 'correct'));
  });

  for (const example of all) {
    const where = `${example.file}:${example.line}`;
    const language = LANGUAGES[example.language];
    if (example.verdict === 'incorrect') {
      const registered = example.ruleId !== undefined && ruleById(example.ruleId) !== undefined;
      const title = `${where} (${example.language} incorrect ${example.ruleId}) is flagged by ${example.ruleId}${registered ? '' : ' (pending: rule not registered yet)'}`;
      it(title, async function () {
        assert.ok(language, `unknown example language '${example.language}'`);
        assert.ok(example.ruleId, 'an incorrect example names the rule that flags it');
        if (!registered) this.skip();
        const result = await analyze(example.code, { languageId: language.languageId, fileName: `example.${language.extension}` });
        assert.strictEqual(result.skipped, undefined, result.skipped);
        assert.ok(result.findings.some((f) => f.ruleId === example.ruleId), `no ${example.ruleId} finding; got ${JSON.stringify(result.findings.map((f) => f.ruleId))}`);
      });
    } else {
      it(`${where} (${example.language} correct) has no finding from any rule`, async () => {
        assert.ok(language, `unknown example language '${example.language}'`);
        const result = await analyze(example.code, { languageId: language.languageId, fileName: `example.${language.extension}` });
        assert.strictEqual(result.skipped, undefined, result.skipped);
        assert.deepStrictEqual(result.findings.map((f) => `${f.ruleId} at line ${f.range.start.line + 1}: ${f.message}`), []);
        assert.ok(!result.notes.some((n) => /syntax error/.test(n)), `the example does not parse: ${result.notes.join('; ')}`);
      });
    }
  }
});
