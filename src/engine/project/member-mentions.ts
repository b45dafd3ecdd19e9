import type { Node } from '@vscode/tree-sitter-wasm';
import { OrderedDescent } from '../tree-paths';
import type { ProjectFacts } from '../project';
import { isNamePart, isNameStart, isSpace } from '../char-codes';
import { isJavaScriptFamily } from '../languages';
import type { FileFacts } from './facts';
import { importersByFile } from './importers';

/**
 * The names a JavaScript or TypeScript file could call a method of another file's object by: after a dot
 * (`driver.ensureTable`, `this.ensureTable` in a subclass), as a whole string (`obj['ensureTable']`, a method
 * name handed to a helper), and as a key in braces (`const { ensureTable } = driver`). Read from the text, so
 * a file skipped by the indexer still says what it mentions. With the tree, comments are left out, and `this.name` inside a class that
 * declares `name` itself is left out: it calls that class's own method (or an override below it), never a
 * method of the same name in a class of another file that is not its base.
 *
 * What is a mention is this pattern, matched from left to right as a global regular expression matches it:
 * `\.\s*(#?NAME)|(['"`])(#?NAME)\2|[{,]\s*(NAME)\s*(?=[,}:=])`, where NAME is `[A-Za-z_$][\w$]*`. `nextMention`
 * reads the text by its character codes instead: a regular expression gives each match an array of its groups,
 * and a file has a mention in every few words (they were about a twentieth of all a scan allocated).
 */
const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'class', 'abstract_class_declaration']);

interface ClassSpan { start: number; end: number; own: Set<string> }

/**
 * The class bodies (with the members each declares) and the comments of a tree, in text order. Found from the
 * text (the word `class`, a `//` or `/*`), each confirmed by the node the tree has there: a descent to each costs
 * far less than a walk of the whole tree.
 */
function classesAndComments(root: Node, text: string): { spans: ClassSpan[]; comments: Array<[number, number]> } {
  // only `this.name` mentions are checked against the classes around them
  const spans = /\bthis\b/.test(text) ? classSpans(root, text) : [];
  const comments: Array<[number, number]> = [];
  const descent = new OrderedDescent(root);
  let end = -1;
  // each `/` followed by `/` or `*`: a regular expression's closing slash may stand right before a comment
  for (const m of text.matchAll(/\/(?=[/*])/g)) {
    const at = m.index ?? 0;
    if (at < end) continue;
    const path = descent.pathTo(at, at + 2);
    const node = path[path.length - 1];
    if (node.type !== 'comment' || node.startIndex !== at) continue;
    end = node.endIndex;
    comments.push([at, end]);
  }
  return { spans, comments };
}

/** The bodies of the classes, each with the names of the members it declares. */
function classSpans(root: Node, text: string): ClassSpan[] {
  const spans: ClassSpan[] = [];
  const descent = new OrderedDescent(root);
  for (const m of text.matchAll(/\bclass\b/g)) {
    const at = m.index ?? 0;
    // the keyword is a child of the class it starts (after its decorators, `export`, `abstract`)
    const path = descent.pathTo(at, at + 5);
    const keyword = path[path.length - 1];
    const node = path[path.length - 2];
    if (!node || keyword.startIndex !== at || keyword.type !== 'class' || !CLASS_TYPES.has(node.type)) continue;
    const body = node.childForFieldName('body');
    if (!body) continue;
    const own = new Set<string>();
    for (const member of body.namedChildren) {
      const name = member?.childForFieldName('name') ?? member?.childForFieldName('property');
      if (name) own.add(name.text);
    }
    spans.push({ start: body.startIndex, end: body.endIndex, own });
  }
  return spans;
}

/** Whether the mention at `at` is `this.name` in a class that declares `name` itself (the innermost class around it). */
function ownThisCall(text: string, at: number, name: string, spans: readonly ClassSpan[]): boolean {
  if (!/\bthis\s*$/.test(text.slice(Math.max(0, at - 12), at))) return false;
  let inner: ClassSpan | undefined;
  for (const span of spans) if (span.start <= at && at < span.end && (!inner || span.start >= inner.start)) inner = span;
  return !!inner && inner.own.has(name);
}

export function memberMentions(text: string, root?: Node): string[] {
  const { spans, comments } = root ? classesAndComments(root, text) : { spans: [], comments: [] };
  const names = new Set<string>();
  let next = 0;
  const mention: Mention = { at: 0, start: 0, end: 0, afterDot: false, resume: 0 };
  for (let from = 0; nextMention(text, from, mention); from = mention.resume) {
    const { at } = mention;
    const name = text.slice(mention.start, mention.end);
    while (next < comments.length && comments[next][1] <= at) next++; // both in text order
    if (next < comments.length && comments[next][0] <= at) continue;
    if (mention.afterDot && spans.length > 0 && ownThisCall(text, at, name, spans)) continue;
    names.add(name);
  }
  return [...names];
}

/** A mention found by `nextMention`: where it starts (`at`), where its name is, and where the search goes on. */
interface Mention {
  at: number;
  start: number;
  end: number;
  /** After a dot (`x.name`), rather than in quotes or braces. */
  afterDot: boolean;
  resume: number;
}

const DOT = 0x2e;
const HASH = 0x23;
const OPEN_BRACE = 0x7b;
const COMMA = 0x2c;
const QUOTES: ReadonlySet<number> = new Set([0x27, 0x22, 0x60]);
/** What may follow a name in braces: `,`, `}`, `:`, `=`. */
const AFTER_KEY: ReadonlySet<number> = new Set([0x2c, 0x7d, 0x3a, 0x3d]);

function skipSpaces(text: string, at: number): number {
  while (isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** The end of the name (`[\w$]*` after its first character) starting at `at`. */
function nameEnd(text: string, at: number): number {
  at += 1;
  while (isNamePart(text.charCodeAt(at))) at += 1;
  return at;
}

/** Where a `#?NAME` at `at` starts its name part, or -1 when there is none. */
function privateNameAt(text: string, at: number): number {
  const start = text.charCodeAt(at) === HASH ? at + 1 : at;
  return isNameStart(text.charCodeAt(start)) ? start : -1;
}

/** The first mention (the pattern above `CLASS_TYPES`) at or after `from`, into `found`; false when there is none. */
function nextMention(text: string, from: number, found: Mention): boolean {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      const start = skipSpaces(text, i + 1);
      const name = privateNameAt(text, start);
      if (name < 0) continue;
      const end = nameEnd(text, name);
      return mentionAt(found, i, start, end, true, end);
    }
    if (QUOTES.has(c)) {
      const name = privateNameAt(text, i + 1);
      if (name < 0) continue;
      const end = nameEnd(text, name);
      if (text.charCodeAt(end) === c) return mentionAt(found, i, i + 1, end, false, end + 1);
      continue;
    }
    if (c === OPEN_BRACE || c === COMMA) {
      const start = skipSpaces(text, i + 1);
      if (!isNameStart(text.charCodeAt(start))) continue;
      const end = nameEnd(text, start);
      const after = skipSpaces(text, end);
      if (AFTER_KEY.has(text.charCodeAt(after))) return mentionAt(found, i, start, end, false, after);
    }
  }
  return false;
}

function mentionAt(found: Mention, at: number, start: number, end: number, afterDot: boolean, resume: number): true {
  found.at = at;
  found.start = start;
  found.end = end;
  found.afterDot = afterDot;
  found.resume = resume;
  return true;
}

/** For each name, the one file mentioning it, or `'many'`; `unknown` when some script file's mentions were not read. */
interface MentionIndex {
  readonly byName: ReadonlyMap<string, string>;
  readonly unknown: boolean;
}

function indexMentions(files: Iterable<FileFacts>): MentionIndex {
  const byName = new Map<string, string>();
  let unknown = false;
  for (const facts of files) {
    if (!isJavaScriptFamily(facts.languageId) || facts.isTest) continue;
    if (!facts.memberNames) { unknown = true; continue; }
    for (const name of facts.memberNames) {
      const seen = byName.get(name);
      if (seen === undefined) byName.set(name, facts.fileName);
      else if (seen !== facts.fileName) byName.set(name, 'many');
    }
  }
  return { byName, unknown };
}

/** Whether every script file's mentions were read (a file too big to index still had its text scanned). */
export function mentionsComplete(project: ProjectFacts): boolean {
  return !project.memo('member-mentions', () => indexMentions(project.files.values())).unknown;
}

/** Whether a project file other than `fileName` (tests aside) may mention the member `name`. */
export function mentionedElsewhere(project: ProjectFacts, fileName: string, name: string): boolean {
  const index = project.memo('member-mentions', () => indexMentions(project.files.values()));
  if (index.unknown) return true;
  const seen = index.byName.get(name);
  return seen !== undefined && seen !== fileName;
}

/** For each project file, the files that import it or re-export from it (`export * from`), resolved. */
const importersOrReexporters = (project: ProjectFacts): ReadonlyMap<string, readonly string[]> =>
  project.memo('module-importers', () => importersByFile(project, (facts) => [...facts.imports.map((i) => i.source), ...facts.reexportAll]));

/** Whether another project file (tests aside) imports `fileName` or re-exports from it. */
export function importedElsewhere(project: ProjectFacts, fileName: string): boolean {
  return (importersOrReexporters(project).get(fileName) ?? []).length > 0;
}

/** The files that import `fileName` directly or through other project files. */
function filesReaching(project: ProjectFacts, fileName: string): ReadonlySet<string> {
  return project.memo(`files-reaching:${fileName}`, () => {
    const importers = importersOrReexporters(project);
    const reached = new Set<string>();
    const queue = [fileName];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      for (const importer of importers.get(file) ?? []) if (!reached.has(importer)) { reached.add(importer); queue.push(importer); }
    }
    return reached;
  });
}

/**
 * Whether a project file other than `fileName` (tests aside) that may get hold of what `fileName` defines mentions
 * the member `name`: a file importing it (directly or through other files), a file also mentioning `constructor`
 * (`driver.constructor.name(...)` on an instance handed over), or a file whose imports were not read (not parsed).
 * True whenever some script file's mentions are unknown.
 */
export function mentionedWhereReachable(project: ProjectFacts, fileName: string, name: string): boolean {
  const index = project.memo('member-mentions', () => indexMentions(project.files.values()));
  if (index.unknown) return true;
  const seen = index.byName.get(name);
  if (seen === undefined || seen === fileName) return false;
  const reaching = filesReaching(project, fileName);
  for (const facts of project.files.values()) {
    if (facts.fileName === fileName || facts.isTest || !facts.memberNames?.includes(name)) continue;
    if (facts.skipped || reaching.has(facts.fileName) || facts.memberNames.includes('constructor')) return true;
  }
  return false;
}
