import type { FileFacts, ImportFact, ObjectFact } from '../../project/facts';
import type { FixSpec, OffsetEdit } from '../../rule';
import { indentOfLineAt, lineBreakAfter, lineEndAt } from '../../text';

const EXISTING_IMPORT = /import\s+([\w$]+)\s+from\s*['"]helmet['"]|(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"]helmet['"]\s*\)/;

/**
 * Where a line goes below the statement ending at `end`: after a comment that trails it on its line, so that
 * the comment stays with its statement (`const app = express() // the app`).
 */
function belowStatement(text: string, end: number): number {
  const lineEnd = lineEndAt(text, end);
  return /^\s*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/\s*)$/.test(text.slice(end, lineEnd)) ? lineEnd : end;
}

/**
 * The name Helmet is bound to by an import of this file, read from the file's facts so that a commented-out
 * `require('helmet')` does not count: `later` when a `require` binds it only after `before` (using it
 * earlier would throw), `undefined` when nothing imports it. An `import` is hoisted, so its place does not matter.
 */
function helmetBinding(text: string, facts: FileFacts, before: number): { name: string } | 'later' | undefined {
  let later = false;
  for (const imported of facts.imports) {
    if (imported.source !== 'helmet' || (imported.name !== 'default' && imported.name !== '=')) continue;
    const match = EXISTING_IMPORT.exec(text.slice(imported.span.start, imported.span.end));
    const name = match?.[1] ?? match?.[2];
    if (!name) continue;
    if (imported.style === 'esm' || imported.span.end <= before) return { name };
    later = true;
  }
  return later ? 'later' : undefined;
}

/** The import the new one goes beside: the file's `express` import, else its last import before the app. */
function anchorImport(facts: FileFacts, before: number): ImportFact | undefined {
  const earlier = facts.imports.filter((i) => i.span.end <= before).sort((a, b) => a.span.start - b.span.start);
  return earlier.find((i) => i.source === 'express') ?? earlier[earlier.length - 1];
}

/** `import helmet from 'helmet';` or `const helmet = require('helmet');`, in the anchor statement's style. */
function importStatement(text: string, anchor: ImportFact | undefined, esmFile: boolean): string {
  const source = anchor ? text.slice(anchor.span.start, anchor.span.end) : '';
  const quote = /"/.test(source) && !/'/.test(source) ? '"' : "'";
  const semicolon = anchor ? source.trimEnd().endsWith(';') : true;
  const esm = anchor ? anchor.style === 'esm' : esmFile;
  const keyword = /^(const|let|var)\b/.exec(source)?.[1] ?? 'const';
  const statement = esm ? `import helmet from ${quote}helmet${quote}` : `${keyword} helmet = require(${quote}helmet${quote})`;
  return statement + (semicolon ? ';' : '');
}

/**
 * The quick fix for an app without Helmet: import Helmet in the file's own style (unless it is imported
 * already) and apply it right after the app is created, before any route. `undefined` when the app is not
 * stored by a plain statement the fix can follow (a class field, `export default express()`).
 */
export function helmetFix(text: string, facts: FileFacts, object: ObjectFact): FixSpec | undefined {
  const statement = object.statement;
  const target = object.boundTo;
  if (!statement || !target) return undefined;
  const statementText = text.slice(statement.start, statement.end);
  if (target.startsWith('this.') && !statementText.trimStart().startsWith('this.')) return undefined;
  const existing = helmetBinding(text, facts, statement.start);
  // required only below the app: applying it where the app is made would use it before it exists
  if (existing === 'later') return undefined;
  const name = existing ? existing.name : 'helmet';
  const semicolon = statementText.trimEnd().endsWith(';') ? ';' : '';
  const lineBreak = lineBreakAfter(text, 0);
  const useText = `${lineBreak}${indentOfLineAt(text, statement.start)}${target}.use(${name}());`.replace(/;$/, semicolon);
  const edits: OffsetEdit[] = [];
  const below = belowStatement(text, statement.end);
  if (existing) {
    edits.push({ startOffset: below, endOffset: below, newText: useText });
  } else {
    const anchor = anchorImport(facts, statement.start);
    const esmFile = /^\s*(?:import|export)\s/m.test(text) || facts.languageId.startsWith('typescript');
    const importText = importStatement(text, anchor, esmFile);
    const at = anchor && belowStatement(text, anchor.span.end);
    if (at === undefined) {
      edits.push({ startOffset: below, endOffset: below, newText: `${lineBreak}${indentOfLineAt(text, statement.start)}${importText}${useText}` });
    } else {
      edits.push({ startOffset: at, endOffset: at, newText: `${lineBreak}${indentOfLineAt(text, anchor!.span.start)}${importText}` });
      edits.push({ startOffset: below, endOffset: below, newText: useText });
    }
  }
  return { title: `Apply Helmet: add ${target}.use(${name}()) after the app is created`, edits, preferred: true };
}
