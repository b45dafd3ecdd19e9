import type { Node } from '@vscode/tree-sitter-wasm';
import path = require('path');
import { lineCommentFitsAt } from '../../comment-places';
import type { AppGraph } from '../../project/app-graph';
import type { FileFacts, NestRouteFact } from '../../project/facts';
import type { ProjectView } from '../../project/project-view';
import type { RouteInstance } from '../../project/route-walker';
import type { FixSpec, OffsetEdit } from '../../rule';
import { isAuthGuardName } from './nest-guards';
import type { AuthMiddlewareJudge } from './route-evaluation';
import { escapeRegExp, indentOfLineAt, lineBreakAfter, lineStartAt } from '../../text';

const PUBLIC_REASON_PLACEHOLDER = '<why anyone may call this route>';

/** The auth middleware the project's routes use most, as written (`requireAuth`, `auth('admin')`), and a file that uses it. */
export interface ProjectMiddleware {
  text: string;
  file: string;
}

/** The project's most used auth middleware: route-level uses first, then router- and app-level ones. */
export function mostUsedAuthMiddleware(graph: AppGraph, judge: AuthMiddlewareJudge): ProjectMiddleware | undefined {
  const counts = new Map<string, { count: number; routeLevel: boolean; file: string }>();
  for (const instance of graph.routeInstances()) {
    if (instance.framework === 'fastify') continue;
    for (const use of instance.applied) {
      const arg = use.arg;
      if ((arg.kind !== 'ref' && arg.kind !== 'call') || /\n/.test(arg.text) || !judge.isAuth(use.file, arg)) continue;
      const entry = counts.get(arg.text) ?? { count: 0, routeLevel: false, file: use.file };
      entry.count += 1;
      entry.routeLevel ||= use.level === 'route';
      counts.set(arg.text, entry);
    }
  }
  const best = [...counts.entries()].sort((a, b) => Number(b[1].routeLevel) - Number(a[1].routeLevel) || b[1].count - a[1].count)[0];
  return best ? { text: best[0], file: best[1].file } : undefined;
}

/** True when `identifier` is declared or imported in the text. */
export function isBoundIn(text: string, identifier: string): boolean {
  const id = escapeRegExp(identifier);
  return new RegExp(String.raw`\b(?:const|let|var|function|class)\s+${id}\b|\bimport\s+${id}\b|\bimport\s*(?:type\s*)?\{[^}]*\b${id}\b[^}]*\}|\bimport\s+\*\s+as\s+${id}\b|\b(?:const|let|var)\s*\{[^}]*\b${id}\b[^}]*\}\s*=|\bfunction\s*[\w$]*\s*\([^)]*\b${id}\b[^)]*\)|\(\s*[^()]*\b${id}\b[^()]*\)\s*=>`).test(text);
}

function rootIdentifier(text: string): string | undefined {
  return /^[A-Za-z_$][\w$]*/.exec(text)?.[0];
}

/** An import statement for `identifier` in the current file, copied from the file that uses it, with its path rewritten. */
function importFrom(view: ProjectView, fromFile: string, identifier: string, currentFile: string): string | undefined {
  const facts = view.project?.files.get(fromFile);
  const imported = facts?.imports.find((i) => new RegExp(String.raw`\b${escapeRegExp(identifier)}\b`).test(i.text) && !/\n/.test(i.text.trim()));
  if (!imported) return undefined;
  if (!imported.source.startsWith('.')) return imported.text.trim();
  const target = view.project?.resolveImport(fromFile, imported.source);
  if (!target) return undefined;
  let relative = path.relative(path.dirname(currentFile), target).split(path.sep).join('/');
  if (!/\.[cm]?[jt]sx?$/.test(imported.source)) relative = relative.replace(/(?:\/index)?\.[cm]?[jt]sx?$/, '');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return imported.text.trim().replace(/(['"])[^'"]*\1/, (_m, q: string) => `${q}${relative}${q}`);
}

/** Where a new import goes: after the file's last top-level import, or at the top. */
function importInsertion(text: string, facts: FileFacts): number {
  const topLevel = facts.imports.filter((i) => lineStartAt(text, i.span.start) === i.span.start);
  const last = topLevel.sort((a, b) => a.span.end - b.span.end)[topLevel.length - 1];
  return last ? last.span.end : 0;
}

/** Where the project's auth middleware goes in a route's registration, as its first handler; `undefined` when it cannot go there. */
export function middlewareInsertAt(instance: RouteInstance): number | undefined {
  if (instance.framework === 'fastify' || instance.event.args[0]?.kind === 'object') return undefined;
  return instance.event.handlerInsertAt;
}

/** Inserts the project's auth middleware at `at` (see `middlewareInsertAt`), with its import when needed. */
export function insertMiddlewareFix(text: string, view: ProjectView, at: number | undefined, middleware: ProjectMiddleware | undefined): FixSpec | undefined {
  if (!middleware || at === undefined) return undefined;
  const identifier = rootIdentifier(middleware.text);
  if (!identifier) return undefined;
  const edits: OffsetEdit[] = [{ startOffset: at, endOffset: at, newText: `${middleware.text}, ` }];
  if (!isBoundIn(text, identifier)) {
    const statement = importFrom(view, middleware.file, identifier, view.current.fileName);
    if (!statement) return undefined;
    const insertAt = importInsertion(text, view.current);
    const lineBreak = lineBreakAfter(text, 0);
    edits.push({ startOffset: insertAt, endOffset: insertAt, newText: insertAt === 0 ? `${statement}${lineBreak}` : `${lineBreak}${statement}` });
  }
  return { title: `Require authentication: add ${middleware.text} before the handler`, edits };
}

/**
 * Marks the route public with a reason comment on the line above it; `undefined` when that line starts inside
 * a string, template literal or JSX text, where the comment would be part of the text.
 */
export function markPublicFix(text: string, start: number, root: Node, comment: '//' | '#' = '//'): FixSpec | undefined {
  const lineStart = lineStartAt(text, start);
  if (!lineCommentFitsAt(root, lineStart)) return undefined;
  const indent = indentOfLineAt(text, start);
  return {
    title: 'Mark this route public (add a backend-guide-public comment with the reason)',
    edits: [{ startOffset: lineStart, endOffset: lineStart, newText: `${indent}${comment} backend-guide-public: ${PUBLIC_REASON_PLACEHOLDER}${lineBreakAfter(text, 0)}` }],
  };
}

/** The auth guard the project's Nest controllers use most, by class name. */
export function mostUsedNestGuard(files: Iterable<FileFacts>, extra: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const facts of files) {
    for (const controller of facts.nestControllers) {
      const decorators = [...controller.decorators, ...controller.routes.flatMap((r) => r.decorators)];
      for (const d of decorators) {
        if (d.name !== 'UseGuards') continue;
        for (const name of d.argNames.filter((n) => isAuthGuardName(n, extra))) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Adds `@UseGuards(Guard)` above a Nest route when both names are already in scope. */
export function nestGuardFix(text: string, route: NestRouteFact, guard: string | undefined): FixSpec | undefined {
  if (!guard || !isBoundIn(text, 'UseGuards') || !isBoundIn(text, guard)) return undefined;
  return {
    title: `Require authentication: add @UseGuards(${guard})`,
    edits: [{ startOffset: route.lineStart, endOffset: route.lineStart, newText: `${route.indent}@UseGuards(${guard})${lineBreakAfter(text, 0)}` }],
  };
}

