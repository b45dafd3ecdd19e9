import type { ProjectFacts } from '../../project';
import { isAppKind, type AppGraph } from '../../project/app-graph';
import type { Span } from '../../project/facts';
import { isNextRoot } from '../../project/next-routes';
import type { ConfigShare } from '../../project/project-shares';
import { projectGraph } from '../../project/project-view';
import type { RelatedSpec } from '../../rule';
import { middlewareInsertAt, mostUsedAuthMiddleware, type ProjectMiddleware } from './auth-fixes';
import { authOptions, type AuthOptions } from './auth-options';
import { AuthMiddlewareJudge, type UnmetNeed } from './route-evaluation';
import { consistencyEvidence, evidenceGroups, routeVerdicts, shownFile, signInRoute, type EvidenceGroups, type RouteVerdict } from './route-verdicts';
import { placeName, relatedAt } from '../related-places';

/**
 * A finding `missing-auth` makes in one file, decided from the whole project's routes, as plain data. Its
 * fixes read the file's text and tree, so they are made where it is reported, at the places given here.
 */
export interface PlannedReport {
  startOffset: number;
  endOffset: number;
  messageId: string;
  data: Record<string, string>;
  related: RelatedSpec[];
  /** Where a `backend-guide-public` comment would go, when the finding offers one. */
  markPublicAt?: number;
  /** Where the project's auth middleware would go, as the route's first handler, when the finding offers it. */
  insertAt?: number;
}

/** What `missing-auth` reports in each file of a project for its Express, Koa, Fastify and Next.js routes. */
export interface RoutePlans {
  /** By file, in report order: the notes of the apps without auth anchored there, then its unprotected routes. */
  byFile: Map<string, PlannedReport[]>;
  /** The auth middleware the project's routes use most: the one a fix adds. */
  middleware?: ProjectMiddleware;
}

const MAX_RELATED_ROUTES = 50;
/** Next.js has no per-route middleware list: the root middleware's matcher or the handler itself checks. */
const NEXT_SUGGESTION = ' (in Next.js: a middleware.ts whose config.matcher covers this path, or a session check in the handler that answers 401)';

/** The message a finding about a route with `need` unmet takes, and what it names. */
export function messageFor(need: UnmetNeed): { messageId: string; what?: string } {
  if (need.kind === 'sensitive') return { messageId: 'missingAuthSensitive', what: need.what };
  if (need.kind === 'webhook') return { messageId: 'unsignedWebhook' };
  if (need.kind === 'admin') return { messageId: 'adminWithoutRole' };
  if (need.kind === 'ownership') return { messageId: 'missingOwnership', what: `:${need.param}` };
  return { messageId: 'missingAuth' };
}

function label(v: RouteVerdict): string {
  return `${v.instance.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE'} ${v.instance.fullPath}`;
}

/** The full path, with the other paths of a registration that has several (`router.get(['/a', '/b'], h)`). */
function shownPath(instance: RouteVerdict['instance']): string {
  const others = instance.event.otherPaths;
  return others?.length ? `${instance.fullPath} (also ${others.join(', ')})` : instance.fullPath;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/**
 * Where an app's note goes: the call that creates the app; for a Next.js project, which no call creates,
 * its first open route (by file name, then position).
 */
function noteAnchor(graph: AppGraph, root: string, open: readonly RouteVerdict[]): { file: string; span: Span; statementStart: number } | undefined {
  if (isNextRoot(root)) {
    const before = (a: RouteVerdict, b: RouteVerdict) => a.instance.file < b.instance.file || (a.instance.file === b.instance.file && a.instance.event.reportSpan.start < b.instance.event.reportSpan.start);
    const first = open.reduce<RouteVerdict | undefined>((best, v) => (!best || before(v, best) ? v : best), undefined);
    return first && { file: first.instance.file, span: first.instance.event.reportSpan, statementStart: first.instance.event.reportSpan.start };
  }
  const app = graph.object(root);
  if (!app || !isAppKind(app.fact.kind)) return undefined;
  return { file: app.file, span: app.fact.span, statementStart: app.fact.statement?.start ?? app.fact.span.start };
}

/** The note of each app with no authentication at all, in the file that creates it. */
function planNotes(graph: AppGraph, verdicts: readonly RouteVerdict[], plans: Map<string, PlannedReport[]>): void {
  const apps = new Map<string, { open: RouteVerdict[]; all: RouteVerdict[] }>();
  for (const v of verdicts) if (v.kind === 'no-auth-app' && !apps.has(v.instance.root)) apps.set(v.instance.root, { open: [], all: [] });
  for (const v of verdicts) {
    const app = apps.get(v.instance.root);
    if (!app) continue;
    app.all.push(v);
    if (v.kind === 'no-auth-app') app.open.push(v);
  }
  for (const [root, { open, all }] of apps) {
    const anchor = noteAnchor(graph, root, open);
    if (!anchor) continue;
    const signIn = signInRoute(all);
    // An app without accounts whose routes only read publishes what it reads: the note is for apps where
    // anyone can change data.
    if (!signIn && open.every((v) => v.need.kind === 'sensitive')) continue;
    // The route to name: one that changes data before one that reads.
    const example = label(open.find((v) => v.need.kind === 'state-changing') ?? open[0]);
    // Each open route is a related location: the note points at every route it speaks for.
    const related = open.slice(0, MAX_RELATED_ROUTES).map((v) => relatedAt(anchor.file, `${label(v)} is open to anyone`, { file: v.instance.file, span: v.instance.event.reportSpan, at: v.instance.event.reportAt }));
    // A marker makes one route public: it answers the note only when the note is about that one route
    // (not when it sits on the call that creates the app, where no marker is read).
    const onlyRoute = open.length === 1 && open[0].instance.file === anchor.file && open[0].instance.event.reportSpan.start === anchor.statementStart;
    pushTo(plans, anchor.file, {
      startOffset: anchor.span.start, endOffset: anchor.span.end, messageId: signIn ? 'signInNoChecks' : 'noAuthConcept', related,
      data: { total: String(all.length), open: String(open.length), example, signIn: signIn ? label(signIn) : '' },
      ...(onlyRoute ? { markPublicAt: anchor.statementStart } : {}),
    });
  }
}

/** The evidence of each unprotected route; the same for every route of one file and app, so worked out once for them. */
function evidenceOf(groups: EvidenceGroups, rootDir: string | undefined): (verdict: RouteVerdict) => string {
  const known = new Map<string, string>();
  return (verdict) => {
    const key = `${verdict.instance.file}\0${verdict.instance.root}`;
    let evidence = known.get(key);
    if (evidence === undefined) known.set(key, evidence = consistencyEvidence(verdict, groups, rootDir));
    return evidence;
  };
}

function planRoute(verdict: RouteVerdict, middleware: ProjectMiddleware | undefined, evidenceFor: (verdict: RouteVerdict) => string, rootDir: string | undefined): PlannedReport {
  const { instance } = verdict;
  const { event, file } = instance;
  const need = verdict.need as UnmetNeed;
  const method = instance.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE';
  const insertAt = need.kind === 'webhook' || need.kind === 'admin' || need.kind === 'ownership' || !middleware ? undefined : middlewareInsertAt(instance);
  const base = { startOffset: event.reportSpan.start, endOffset: event.reportSpan.end, markPublicAt: event.reportSpan.start, ...(insertAt !== undefined ? { insertAt } : {}) };
  const after = verdict.registeredAfter;
  if (after) {
    const where = placeName(file, { file: after.file, at: after.event.reportAt });
    return {
      ...base, messageId: 'authAfterRoute',
      related: [relatedAt(file, 'this auth middleware is registered after the route', { file: after.file, span: after.arg.span, at: after.event.reportAt })],
      data: { method, path: shownPath(instance), middleware: after.arg.kind === 'ref' || after.arg.kind === 'call' ? after.arg.text : 'the auth middleware', where },
    };
  }
  const { messageId, what } = messageFor(need);
  const evidence = need.kind === 'ownership'
    ? `${need.checked} of ${need.of} routes with a user in the path in ${shownFile(file, rootDir)} compare it with the caller or require a permission`
    : evidenceFor(verdict);
  const suggestion = instance.framework === 'next' ? NEXT_SUGGESTION : middleware ? ` (this project uses ${middleware.text} on other routes)` : '';
  return {
    ...base, messageId, related: [],
    data: { method, path: shownPath(instance), suggestion, what: what ?? '', evidence: evidence ? ` ${evidence}.` : '' },
  };
}

/**
 * What `missing-auth` reports in each file for the routes `graph` knows (the whole project's with `project`,
 * else the analysed file's), judged once for all files.
 */
export function routePlans(graph: AppGraph, project: ProjectFacts | undefined, options: AuthOptions): RoutePlans {
  const judge = new AuthMiddlewareJudge(graph, options);
  const packageFor = project && ((fileName: string) => project.packageFor(fileName));
  const verdicts = routeVerdicts(graph, judge, options, project !== undefined, packageFor);
  const unprotected = verdicts.filter((v) => v.kind === 'unprotected');
  const middleware = unprotected.length ? mostUsedAuthMiddleware(graph, judge) : undefined;
  const byFile = new Map<string, PlannedReport[]>();
  planNotes(graph, verdicts, byFile);
  const evidenceFor = evidenceOf(evidenceGroups(verdicts), project?.rootDir);
  for (const verdict of unprotected) pushTo(byFile, verdict.instance.file, planRoute(verdict, middleware, evidenceFor, project?.rootDir));
  return { byFile, ...(middleware ? { middleware } : {}) };
}

/** The project's route plans, computed once per scan and sent to every thread. */
export const ROUTE_PLANS: ConfigShare<RoutePlans> = {
  name: 'route-plans',
  configKey: (config) => JSON.stringify(config.options.auth ?? null),
  compute: (project, config) => routePlans(projectGraph(project), project, authOptions(config)),
};
