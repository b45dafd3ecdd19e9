import * as assert from 'assert';
import { guideChapterPath, guideHeadings } from '../../src/engine/guide';
import { markdownLinkTargets, resolveGuideLink } from '../../src/extension/guide/guide-links';
import { GuideIndex, TOC } from '../../src/extension/guide/toc';
import { markdownFiles, readRepoFile, repoFileExists } from './guide-files';

/** Rule lessons and the snippet catalogue are written by other contributors; their files may land later. */
const WRITTEN_ELSEWHERE = new Set(['sql-injection', 'auth', 'security-headers', 'snippets']);

/** Sections that snippets and rules link to: renaming one of these headings breaks those links. */
const REQUIRED_ANCHORS = [
  'server-side-logic#routing', 'server-side-logic#middleware', 'server-side-logic#validation', 'server-side-logic#error-handling',
  'server-side-logic#configuration-and-environment', 'server-side-logic#logging', 'server-side-logic#graceful-shutdown',
  'databases#schema-and-constraints', 'databases#indexes', 'databases#joins', 'databases#transactions', 'databases#pagination',
  'databases#upserts', 'databases#document-stores', 'databases#orms-and-migrations',
  'apis#rest-resources', 'apis#http-methods-and-status-codes', 'apis#pagination', 'apis#rate-limiting', 'apis#cors',
  'apis#health-checks', 'apis#protecting-endpoints',
  'security#sql-injection', 'security#authentication-and-authorization', 'security#passwords-and-hashing',
  'security#sessions-versus-tokens', 'security#oauth-20', 'security#http-security-headers-and-helmet',
  'security#secrets-and-encryption', 'security#input-validation',
  'tools-and-deployment#docker', 'tools-and-deployment#nginx-reverse-proxy',
];

function loadIndex(): GuideIndex {
  return new GuideIndex(new Map(TOC.map((e) => [e.chapter, repoFileExists(guideChapterPath(e.chapter)) ? readRepoFile(guideChapterPath(e.chapter)) : undefined])));
}

describe('guide chapters', () => {
  const index = loadIndex();

  for (const entry of TOC) {
    const pending = WRITTEN_ELSEWHERE.has(entry.chapter) && !repoFileExists(guideChapterPath(entry.chapter));
    it(`${guideChapterPath(entry.chapter)} exists and starts with its title${pending ? ' (pending: written by another contributor, not there yet)' : ''}`, function () {
      if (pending) this.skip();
      assert.ok(repoFileExists(guideChapterPath(entry.chapter)), `${entry.chapter} is in toc.json but has no file`);
      const [first] = guideHeadings(readRepoFile(guideChapterPath(entry.chapter)));
      assert.strictEqual(first?.level, 1, 'the chapter opens with a level-1 heading');
    });
  }

  it('lists every chapter file in the table of contents', () => {
    const listed = new Set(TOC.map((e) => guideChapterPath(e.chapter)));
    const unlisted = markdownFiles('walkthroughs/guide').filter((f) => !listed.has(f));
    assert.deepStrictEqual(unlisted, []);
  });

  it('has numbered chapters 1 to 10 and lessons under existing chapters', () => {
    assert.deepStrictEqual(TOC.filter((e) => e.number).map((e) => e.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const lesson of TOC.filter((e) => e.parent)) assert.ok(TOC.some((e) => e.chapter === lesson.parent && e.number), lesson.chapter);
  });

  it('has the sections other parts of the extension link to', () => {
    assert.deepStrictEqual(REQUIRED_ANCHORS.filter((a) => !index.resolves(a)), []);
  });

  // Each rule's own section is checked, without skips, in rule-units.test.ts.

  it('links only to chapters and sections that exist', function () {
    const broken: string[] = [];
    let pending = 0;
    for (const file of markdownFiles('walkthroughs')) {
      const chapter = /walkthroughs\/guide\/([^/]+)\.md$/.exec(file)?.[1] ?? '';
      for (const href of markdownLinkTargets(readRepoFile(file))) {
        const target = resolveGuideLink(href, chapter);
        if (target?.kind !== 'guide' || (!chapter && !href.includes('.md'))) continue;
        const targetChapter = target.anchor.split('#')[0];
        if (WRITTEN_ELSEWHERE.has(targetChapter) && !index.has(targetChapter)) { pending++; continue; }
        if (!index.resolves(target.anchor)) broken.push(`${file}: ${href}`);
      }
    }
    assert.deepStrictEqual(broken, []);
    if (pending) console.log(`      (${pending} links to lessons not written yet were not checked)`);
  });

  it('gives every image alt text and a file that exists', () => {
    const problems: string[] = [];
    for (const file of markdownFiles('walkthroughs/guide')) {
      for (const match of readRepoFile(file).matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)) {
        if (!match[1].trim()) problems.push(`${file}: image ${match[2]} has no alt text`);
        const target = `walkthroughs/guide/${match[2]}`.split('/').reduce<string[]>((parts, p) => (p === '..' ? parts.slice(0, -1) : [...parts, p]), []).join('/');
        if (!repoFileExists(target)) problems.push(`${file}: image ${match[2]} does not exist`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('names its sources: every numbered chapter links to outside references', () => {
    for (const entry of TOC.filter((e) => e.number)) {
      const external = markdownLinkTargets(readRepoFile(guideChapterPath(entry.chapter))).filter((h) => /^https:\/\//.test(h));
      assert.ok(external.length >= 3, `${entry.chapter} cites ${external.length} sources`);
    }
  });
});

describe('guide diagrams', () => {
  for (const name of ['request-lifecycle', 'injection-attack', 'middleware-chain']) {
    it(`media/${name}.svg has alt text and follows the theme with fallbacks`, () => {
      const svg = readRepoFile(`media/${name}.svg`);
      assert.match(svg, /<title[^>]*>[^<]{10,}<\/title>/);
      assert.match(svg, /<desc[^>]*>[^<]{40,}<\/desc>/);
      const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]).filter((c) => c !== 'none' && !c.startsWith('url('));
      assert.ok(colours.length > 0);
      assert.deepStrictEqual(colours.filter((c) => !/^var\(--vscode-[\w-]+, #[0-9a-f]{3,6}\)$/i.test(c)), [], 'every colour is a theme variable with a fallback');
    });
  }
});
