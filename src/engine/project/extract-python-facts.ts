import type { Tree } from '@vscode/tree-sitter-wasm';
import { extractAppHeaders } from '../frameworks/app-headers';
import { DJANGO_HEADER_SETTINGS, DJANGO_SETTINGS_TEXT, extractSettingsHeaders } from '../frameworks/django/settings-headers';
import { LineIndex } from '../text';
import type { LanguageId } from '../types';
import { emptyFileFacts, type FileFacts } from './facts';
import { isTestFileName } from './frameworks';

/**
 * A quick text test run before parsing a Python file for project facts: a web app, a header package or hook,
 * middleware, or Django settings. Other Python files (models, utilities) are not parsed for facts.
 */
export const PYTHON_MAY_HOLD_FACTS = /Flask|FastAPI|Starlette|Quart|Talisman|SecWeb|after_(?:app_)?request|middleware|MIDDLEWARE|INSTALLED_APPS|import\s+\*|['"](?:X-Frame-Options|Content-Security-Policy|Strict-Transport-Security|X-Content-Type-Options)['"]/i;

/** A star import followed by one of the header settings: a settings module built on a base module. */
const DERIVED_SETTINGS_TEXT = new RegExp(`^from\\s+\\S+\\s+import\\s+\\*[\\s\\S]*^(?:${DJANGO_HEADER_SETTINGS.join('|')})\\s*=`, 'm');

/** The facts of a parsed Python file: its apps and header protections, and its Django settings when it is a settings module. */
export function extractPythonFacts(tree: Tree, text: string, fileName: string, languageId: LanguageId, textHash: string, rootDir?: string): FileFacts {
  const facts = emptyFileFacts(fileName, languageId, textHash, isTestFileName(fileName, rootDir), false);
  facts.headers = extractAppHeaders(tree.rootNode, text);
  if (facts.headers.protections.length || facts.headers.pending.length) {
    const lines = new LineIndex(text);
    for (const use of [...facts.headers.protections, ...facts.headers.pending]) use.range = lines.rangeOf(use.span.start, use.span.end);
  }
  if (DJANGO_SETTINGS_TEXT.test(text) || DERIVED_SETTINGS_TEXT.test(text)) facts.settings = extractSettingsHeaders(tree.rootNode);
  return facts;
}
