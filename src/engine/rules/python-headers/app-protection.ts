import type { FileFacts } from '../../project/facts';
import type { Range } from '../../types';
import { MAIN_HEADERS, type HeaderApp, type HeaderProtection, type HeaderSpan, type HeaderTarget, type SecurityHeader } from '../../model/headers';
import { importReaches } from './python-modules';
import type { PythonFactsView } from './python-facts-view';

/** A protection that reaches an app, and the file it is in. */
export interface FoundProtection {
  file: string;
  what: string;
  headers: readonly SecurityHeader[] | 'all';
  span: HeaderSpan;
  range?: Range;
}

export interface AppAssessment {
  full: boolean;
  covered: Set<SecurityHeader>;
  missing: SecurityHeader[];
  found: FoundProtection[];
}

/** Paths of health, readiness and metrics endpoints: an app serving only these is an internal single-purpose server. */
const INTERNAL_PATH = /^\/?(?:health[-_]?(?:check|z)?|healthz|ready|readyz|readiness|live|livez|liveness|alive|ping|status|metrics|version)\/?$/i;

function linked(view: PythonFactsView, from: FileFacts, to: string): boolean {
  return (from.headers?.imports ?? []).some((i) => importReaches(from.fileName, i.module, to, i.name));
}

/** Either file imports from the other: a protection in one can reach an app of the other. */
function connected(view: PythonFactsView, a: FileFacts, b: FileFacts): boolean {
  return linked(view, a, b.fileName) || linked(view, b, a.fileName);
}

/** Protections a file makes, including uses of imported names that set headers in the file they come from. */
function protectionsOf(view: PythonFactsView, facts: FileFacts): HeaderProtection[] {
  const headers = facts.headers;
  if (!headers) return [];
  const resolved: HeaderProtection[] = [];
  for (const use of headers.pending) {
    for (const other of view.files.values()) {
      const setter = other.headers?.setters.find((s) => s.name === use.name);
      if (setter && other.fileName !== facts.fileName && importReaches(facts.fileName, use.module, other.fileName)) {
        resolved.push({ kind: use.kind, what: setter.what, headers: setter.headers, target: use.target, span: use.span, range: use.range });
        break;
      }
    }
  }
  return [...headers.protections, ...resolved];
}

/** Whether a protection of `facts` applies to `app` of `appFile`: in the app's own file, unless it names another app of that file; elsewhere, unless it protects that file's own app. */
function reaches(target: HeaderTarget, facts: FileFacts, app: HeaderApp, appFile: FileFacts): boolean {
  const ownApps = facts.headers?.apps ?? [];
  if (facts.fileName === appFile.fileName) return target.kind !== 'name' || target.name === app.name || !ownApps.some((a) => a.name === target.name);
  return target.kind !== 'name' || !ownApps.some((a) => a.name === target.name);
}

/** Which of the main security headers an app sends, and what sets them, across the files connected to its own. */
export function assessApp(view: PythonFactsView, appFile: FileFacts, app: HeaderApp): AppAssessment {
  const covered = new Set<SecurityHeader>();
  let full = false;
  const found: FoundProtection[] = [];
  for (const facts of view.files.values()) {
    if (facts.fileName !== appFile.fileName && !connected(view, facts, appFile)) continue;
    for (const protection of protectionsOf(view, facts)) {
      if (!reaches(protection.target, facts, app, appFile)) continue;
      found.push({ file: facts.fileName, what: protection.what, headers: protection.headers, span: protection.span, range: protection.range });
      if (protection.headers === 'all') full = true;
      else protection.headers.forEach((h) => covered.add(h));
    }
  }
  return { full, covered, missing: full ? [] : MAIN_HEADERS.filter((h) => !covered.has(h)), found };
}

/**
 * Whether an app is judged: not mounted as a sub-app into another (the parent's headers cover it), and not an
 * internal single-purpose server (all its routes are health, readiness or metrics endpoints).
 */
export function isJudgedApp(view: PythonFactsView, appFile: FileFacts, app: HeaderApp): boolean {
  if (app.routePaths.length && !app.includesOthers && app.routePaths.every((p) => INTERNAL_PATH.test(p))) return false;
  if (!app.name) return true;
  for (const facts of view.files.values()) {
    if (!facts.headers?.mounted.includes(app.name)) continue;
    if (facts.fileName === appFile.fileName || connected(view, facts, appFile)) return false;
  }
  return true;
}
