import fs = require('fs');
import path = require('path');
import { guideChapterPath, parseGuideAnchor } from '../engine/guide';
import { ruleLesson } from '../engine/lesson';
import type { Rule } from '../engine/rule';

/**
 * The guide chapter's Markdown, read from the `walkthroughs/` folder that ships beside the CLI (the
 * extension package and the repository both hold it: `dist/cli.js` is one folder below it, the compiled
 * tests a few more); `undefined` when it cannot be found.
 */
function readChapter(chapter: string): string | undefined {
  const relative = guideChapterPath(chapter);
  for (let dir = __dirname, parent = path.dirname(dir); ; dir = parent, parent = path.dirname(dir)) {
    try {
      return fs.readFileSync(path.join(dir, relative), 'utf8');
    } catch {
      if (parent === dir) return undefined;
    }
  }
}

/** The lesson of a rule as Markdown, or `undefined` when its guide chapter is not installed. */
export function lessonOf(rule: Rule): string | undefined {
  const anchor = parseGuideAnchor(rule.meta.guideAnchor);
  const chapter = anchor && readChapter(anchor.chapter);
  return chapter === undefined ? undefined : ruleLesson(rule.meta, chapter);
}
