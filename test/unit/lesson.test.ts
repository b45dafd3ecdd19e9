import * as assert from 'assert';
import { ruleLesson, sectionText, withoutGuideLinks } from '../../src/engine/lesson';
import type { RuleMeta } from '../../src/engine/types';

const CHAPTER = `# Chapter

Intro with [a sibling](other.md#part).

## First

First text, see [Second](#second) and ![a diagram](../../media/x.svg).

\`\`\`js incorrect demo-rule
bad();
\`\`\`

### Detail

Detail text.

## Second

Second text with [OWASP](https://owasp.org/).

## Sources

- [CWE-1](https://cwe.mitre.org/1)
`;

const META = { id: 'demo-rule', references: [{ id: 'CWE-1', url: 'https://cwe.mitre.org/1' }], guideAnchor: 'chapter#first' } as unknown as RuleMeta;

describe('Lessons outside the editor', () => {
  it('a section runs to the next heading of its level or higher, sub-sections included', () => {
    assert.strictEqual(sectionText(CHAPTER, 'first'), '## First\n\nFirst text, see [Second](#second) and ![a diagram](../../media/x.svg).\n\n```js incorrect demo-rule\nbad();\n```\n\n### Detail\n\nDetail text.');
    assert.strictEqual(sectionText(CHAPTER, 'chapter')?.split('\n').length, CHAPTER.trim().split('\n').length);
    assert.strictEqual(sectionText(CHAPTER, 'missing'), undefined);
  });

  it('keeps web links and reduces links that resolve only inside the guide to their text', () => {
    assert.strictEqual(withoutGuideLinks('[a](b.md#c) [d](#e) [f](https://x.org/) ![g](h.svg)'), 'a d [f](https://x.org/) (Picture: g)');
  });

  it('a rule\'s lesson is its section, the chapter\'s sources and its references, with example verdicts as captions', () => {
    const lesson = ruleLesson(META, CHAPTER);
    assert.match(lesson, /^## First\n\nFirst text, see Second and \(Picture: a diagram\)\./);
    assert.match(lesson, /Incorrect \(flagged by `demo-rule`\):\n\n```js\nbad\(\);/);
    assert.doesNotMatch(lesson, /Second text/);
    assert.match(lesson, /## Sources\n\n- \[CWE-1\]\(https:\/\/cwe\.mitre\.org\/1\)/);
    assert.match(lesson, /References for `demo-rule`: \[CWE-1\]\(https:\/\/cwe\.mitre\.org\/1\)\.$/);
  });
});
