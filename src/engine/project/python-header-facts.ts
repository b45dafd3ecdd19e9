import type { Tree } from '@vscode/tree-sitter-wasm';
import { extractAppHeaders } from '../frameworks/app-headers';
import type { PyNodes } from '../languages/python/py-nodes';
import { DJANGO_HEADER_SETTINGS, extractSettingsHeaders, isDjangoSettingsText } from '../frameworks/django/settings-headers';
import { LineIndex } from '../text';
import type { FileFacts } from './facts';

/** A star import followed by one of the header settings: a settings module built on a base module. */
const DERIVED_SETTINGS_TEXT = new RegExp(`^from\\s+\\S+\\s+import\\s+\\*[\\s\\S]*^(?:${DJANGO_HEADER_SETTINGS.join('|')})\\s*=`, 'm');

/**
 * Adds to a Python file's facts its apps and header protections, and its Django settings when it is a settings
 * module; `nodes`: those of its tree the facts pass found (see `PyNodes`).
 */
export function addHeaderFacts(facts: FileFacts, tree: Tree, text: string, nodes: PyNodes): FileFacts {
  facts.headers = extractAppHeaders(tree.rootNode, text, nodes);
  if (facts.headers.protections.length || facts.headers.pending.length) {
    const lines = new LineIndex(text);
    for (const use of [...facts.headers.protections, ...facts.headers.pending]) use.range = lines.rangeOf(use.span.start, use.span.end);
  }
  if (isDjangoSettingsText(text) || DERIVED_SETTINGS_TEXT.test(text)) facts.settings = extractSettingsHeaders(tree.rootNode);
  return facts;
}
