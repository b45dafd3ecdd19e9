import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { guideChapterPath, guideHeadings, parseGuideAnchor } from '../../src/engine/guide';
import { placeholdersOf } from '../../src/engine/messages';
import { allRules } from '../../src/engine/registry';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** One rule = one unit: its file, its tests and its lesson, kept in step (as ESLint's docs test does). */
describe('rule units', () => {
  it('registers rules with unique ids', () => {
    const ids = allRules().map((r) => r.meta.id);
    assert.ok(ids.length > 0);
    assert.deepStrictEqual([...new Set(ids)], ids);
  });

  for (const rule of allRules()) {
    const { id } = rule.meta;
    describe(id, () => {
      it('lives in src/engine/rules/<id>.ts and declares that id', () => {
        const file = path.join(ROOT, 'src', 'engine', 'rules', `${id}.ts`);
        assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} exists`);
        assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`id: '${id}'`));
      });

      it('has its test file using the RuleTester', () => {
        const file = path.join(ROOT, 'test', 'unit', 'rules', `${id}.test.ts`);
        assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} exists`);
        assert.match(fs.readFileSync(file, 'utf8'), /runRuleTests\(/);
      });

      it('links to a guide section that exists', () => {
        const anchor = parseGuideAnchor(rule.meta.guideAnchor);
        assert.ok(anchor && anchor.section, `'${rule.meta.guideAnchor}' names a chapter and a section`);
        const chapter = path.join(ROOT, guideChapterPath(anchor.chapter));
        assert.ok(fs.existsSync(chapter), `${path.relative(ROOT, chapter)} exists`);
        const slugs = guideHeadings(fs.readFileSync(chapter, 'utf8')).map((h) => h.slug);
        assert.ok(slugs.includes(anchor.section), `#${anchor.section} is one of ${slugs.join(', ')}`);
      });

      it('has complete metadata: description, languages, CWE reference, message templates', () => {
        assert.ok(rule.meta.description.length > 10);
        assert.ok(rule.meta.languages.length > 0);
        assert.ok(rule.meta.references.some((r) => /^CWE-\d+$/.test(r.id) && r.url.startsWith('https://')), 'names a CWE');
        const messages = Object.entries(rule.meta.messages);
        assert.ok(messages.length > 0);
        for (const [messageId, template] of messages) {
          assert.match(messageId, /^[a-zA-Z][a-zA-Z0-9]*$/);
          assert.ok(template.length > 20, `${messageId} says what, why and how`);
          assert.deepStrictEqual(placeholdersOf(template).filter((p) => !/^[a-zA-Z][a-zA-Z0-9]*$/.test(p)), []);
        }
      });

      it('every message id is used by a test case', () => {
        const tests = fs.readdirSync(path.join(ROOT, 'test', 'unit', 'rules')).filter((f) => f.startsWith(id)).map((f) => fs.readFileSync(path.join(ROOT, 'test', 'unit', 'rules', f), 'utf8')).join('\n');
        for (const messageId of Object.keys(rule.meta.messages)) assert.ok(tests.includes(`'${messageId}'`) || tests.includes(`"${messageId}"`), `message id ${messageId} is tested`);
      });
    });
  }
});
