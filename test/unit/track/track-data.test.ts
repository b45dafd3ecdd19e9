import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { guideChapterPath, guideHeadings, parseGuideAnchor } from '../../../src/engine/guide';
import { ruleById } from '../../../src/engine/registry';
import { moduleSyntaxOf, packageTypeOf } from '../../../src/extension/snippets/snippet-forms';
import { ownSolutionFiles, solutionFiles, starterFiles } from '../../../src/track';
import { REPO, STEPS } from './track-project';

const IMPORT = /(?:import\s[^;]*?from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function sectionExists(anchor: string): boolean {
  const parsed = parseGuideAnchor(anchor);
  if (!parsed?.section) return false;
  const file = path.join(REPO, guideChapterPath(parsed.chapter));
  return fs.existsSync(file) && guideHeadings(fs.readFileSync(file, 'utf8')).some((h) => h.slug === parsed.section);
}

describe('project track data', () => {
  it('has 8 to 12 steps, each with its text, at least two checks and a model solution', () => {
    assert.ok(STEPS.length >= 8 && STEPS.length <= 12, `${STEPS.length} steps`);
    for (const step of STEPS) {
      const text = fs.readFileSync(path.join(step.folder, 'step.md'), 'utf8');
      assert.match(text, new RegExp(`^# ${step.number}\\. `), `${step.id}: step.md starts with its number`);
      assert.match(text, /\*\*The checks\*\*/, `${step.id}: says what is checked`);
      assert.match(text, /^Sources: /m, `${step.id}: names its sources`);
      assert.ok(step.checks.length >= 2, `${step.id}: ${step.checks.length} checks`);
      assert.ok(ownSolutionFiles(step).size > 0, `${step.id}: a model solution`);
      assert.strictEqual(new Set(step.checks.map((c) => c.id)).size, step.checks.length, `${step.id}: unique check ids`);
    }
  });

  it('links every check to a guide section that exists, and names only registered rules', () => {
    for (const check of STEPS.flatMap((s) => s.checks)) {
      assert.ok(sectionExists(check.lesson), `${check.id}: no guide section ${check.lesson}`);
      assert.ok(check.hint.length > 20, `${check.id}: a hint`);
      if (check.kind === 'rules') for (const rule of check.rules) assert.ok(ruleById(rule), `${check.id}: no rule ${rule}`);
    }
  });

  it('starts each step from the previous solution, with the step\'s own starter files over it', () => {
    assert.deepStrictEqual([...starterFiles(STEPS, STEPS[0]).keys()], ['README.md']);
    const tests = STEPS.find((s) => s.id === 'tests')!;
    const starter = starterFiles(STEPS, tests);
    assert.match(starter.get('test/api.test.js') ?? '', /TODO/);
    assert.strictEqual(starter.get('src/app.js'), solutionFiles(STEPS, STEPS[tests.number - 2]).get('src/app.js'));
  });

  // The review found a snippet that put an ES module import into the CommonJS sample: the app then crashed
  // while its step showed as done. Every file of the track is CommonJS, as package.json says.
  it('is CommonJS throughout: package.json says so and no solution or starter file uses import/export', () => {
    for (const step of STEPS) {
      for (const [file, text] of [...ownSolutionFiles(step), ...starterFiles(STEPS, step)]) {
        if (file === 'package.json') assert.strictEqual(packageTypeOf(text), 'commonjs', `${step.id}: package.json type`);
        if (file.endsWith('.js')) assert.notStrictEqual(moduleSyntaxOf(text), 'esm', `${step.id}: ${file} uses ES module syntax`);
      }
    }
  });

  it('the checker core never imports vscode', () => {
    const dir = path.join(REPO, 'src', 'track');
    for (const file of fs.readdirSync(dir)) {
      for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(IMPORT)) {
        assert.ok(match[1] !== 'vscode' && !match[1].includes('/extension/'), `src/track/${file} imports ${match[1]}`);
      }
    }
  });
});
