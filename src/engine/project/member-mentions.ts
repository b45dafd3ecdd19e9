import type { Node } from '@vscode/tree-sitter-wasm';
import { OrderedDescent } from '../tree-paths';
import type { ProjectFacts } from '../project';
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
 */
const MENTION = /\.\s*(#?[A-Za-z_$][\w$]*)|(['"`])(#?[A-Za-z_$][\w$]*)\2|[{,]\s*([A-Za-z_$][\w$]*)\s*(?=[,}:=])/g;
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
  for (const m of text.matchAll(MENTION)) {
    const name = m[1] ?? m[3] ?? m[4];
    const at = m.index ?? 0;
    while (next < comments.length && comments[next][1] <= at) next++; // both in text order
    if (next < comments.length && comments[next][0] <= at) continue;
    if (m[1] !== undefined && spans.length > 0 && ownThisCall(text, at, name, spans)) continue;
    names.add(name);
  }
  return [...names];
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
