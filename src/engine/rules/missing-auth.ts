import * as path from 'path';
import { isTestFileName } from '../project/frameworks';
import { isAppKind, placesAppFacts } from '../project/app-graph';
import { nextFileKind } from '../project/extract-next';
import type { Span } from '../project/facts';
import { isNextRoot } from '../project/next-routes';
import { projectView, type ProjectView } from '../project/project-view';
import type { FixSpec, ParsedFileInput, RelatedSpec, Rule, RuleContext, RuleInput } from '../rule';
import { insertMiddlewareFix, markPublicFix, mostUsedAuthMiddleware, mostUsedNestGuard, nestGuardFix, type ProjectMiddleware } from './auth/auth-fixes';
import { authOptions, type AuthOptions } from './auth/auth-options';
import { perProject } from './auth/per-project';
import { reportPythonRoutes } from './auth/python-report';
import { AuthMiddlewareJudge, nestAuthModel, unguardedNestRoutes, type UnmetNeed, type UnprotectedRoute } from './auth/route-evaluation';
import { consistencyEvidence, evidenceGroups, routeVerdicts, shownFile, signInRoute, type EvidenceGroups, type RouteVerdict } from './auth/route-verdicts';

/** Python files that may declare routes (route decorators, URLconfs, router registrations) or create an app. */
const MAY_HAVE_PYTHON_ROUTES = /@[\w.]+\.(?:route|get|post|put|patch|delete|api_route)\s*\(|\burlpatterns\b|\.register\s*\(|\bFlask\s*\(|\bFastAPI\s*\(/;

/** Files that may register routes (route-shaped calls, Nest route decorators) or create an app (its note goes there). */
const MAY_HAVE_ROUTES = /\.\s*(?:get|post|put|patch|delete|del|all|route)\s*(?:<[^()<>]{0,200}>\s*)?\(|@(?:Get|Post|Put|Patch|Delete|All)\s*\(|\bexpress\s*\(\s*\)|\bnew\s+Koa\b|\bfastify\s*\(|\bFastify\s*\(/;

function messageFor(need: UnmetNeed): { messageId: string; what?: string } {
  if (need.kind === 'sensitive') return { messageId: 'missingAuthSensitive', what: need.what };
  if (need.kind === 'webhook') return { messageId: 'unsignedWebhook' };
  if (need.kind === 'admin') return { messageId: 'adminWithoutRole' };
  if (need.kind === 'ownership') return { messageId: 'missingOwnership', what: `:${need.param}` };
  return { messageId: 'missingAuth' };
}

function relatedFor(context: RuleContext, route: UnprotectedRoute): RelatedSpec[] {
  const after = route.registeredAfter;
  if (!after) return [];
  return [after.file === context.fileName
    ? { message: 'this auth middleware is registered after the route', startOffset: after.arg.span.start, endOffset: after.arg.span.end }
    : { message: 'this auth middleware is registered after the route', fileName: after.file, range: after.event.reportRange }];
}

/** The full path, with the other paths of a registration that has several (`router.get(['/a', '/b'], h)`). */
function shownPath(instance: UnprotectedRoute['instance']): string {
  const others = instance.event.otherPaths;
  return others?.length ? `${instance.fullPath} (also ${others.join(', ')})` : instance.fullPath;
}

/** The project's route verdicts, indexed once per snapshot so that each file reads its own share in time linear in it. */
interface ProjectRoutes {
  judge: AuthMiddlewareJudge;
  verdicts: RouteVerdict[];
  /** Unprotected routes, by the file that registers them. */
  unprotectedByFile: Map<string, RouteVerdict[]>;
  /** Open routes of apps with no authentication at all, by app root, and every route of those apps. */
  noAuthApps: Map<string, { open: RouteVerdict[]; all: RouteVerdict[] }>;
  evidence: EvidenceGroups;
  /** The auth middleware the project's routes use most: the one a fix adds. */
  middleware: ProjectMiddleware | undefined;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

function routesOf(context: RuleContext, view: ProjectView, options: AuthOptions): ProjectRoutes {
  return perProject(context, view, 'project-routes', () => {
    const judge = new AuthMiddlewareJudge(view.graph, options);
    const packageFor = view.project && ((fileName: string) => view.project!.packageFor(fileName));
    const verdicts = routeVerdicts(view.graph, judge, options, view.project !== undefined, packageFor);
    const unprotectedByFile = new Map<string, RouteVerdict[]>();
    const noAuthApps = new Map<string, { open: RouteVerdict[]; all: RouteVerdict[] }>();
    for (const v of verdicts) {
      if (v.kind === 'unprotected') pushTo(unprotectedByFile, v.instance.file, v);
      if (v.kind === 'no-auth-app' && !noAuthApps.has(v.instance.root)) noAuthApps.set(v.instance.root, { open: [], all: [] });
    }
    for (const v of verdicts) {
      const app = noAuthApps.get(v.instance.root);
      if (!app) continue;
      app.all.push(v);
      if (v.kind === 'no-auth-app') app.open.push(v);
    }
    const middleware = unprotectedByFile.size ? mostUsedAuthMiddleware(view.graph, judge) : undefined;
    return { judge, verdicts, unprotectedByFile, noAuthApps, evidence: evidenceGroups(verdicts), middleware };
  });
}

const MAX_RELATED_ROUTES = 50;
/** Next.js has no per-route middleware list: the root middleware's matcher or the handler itself checks. */
const NEXT_SUGGESTION = ' (in Next.js: a middleware.ts whose config.matcher covers this path, or a session check in the handler that answers 401)';

/**
 * Where an app's note goes: the call that creates the app; for a Next.js project, which no call creates,
 * its first open route (by file name, then position).
 */
function noteAnchor(view: ProjectView, root: string, open: readonly RouteVerdict[]): { file: string; span: Span; statementStart: number } | undefined {
  if (isNextRoot(root)) {
    const before = (a: RouteVerdict, b: RouteVerdict) => a.instance.file < b.instance.file || (a.instance.file === b.instance.file && a.instance.event.reportSpan.start < b.instance.event.reportSpan.start);
    const first = open.reduce<RouteVerdict | undefined>((best, v) => (!best || before(v, best) ? v : best), undefined);
    return first && { file: first.instance.file, span: first.instance.event.reportSpan, statementStart: first.instance.event.reportSpan.start };
  }
  const app = view.graph.object(root);
  if (!app || !isAppKind(app.fact.kind)) return undefined;
  return { file: app.file, span: app.fact.span, statementStart: app.fact.statement?.start ?? app.fact.span.start };
}

function reportNoAuthApps(context: RuleContext, view: ProjectView, apps: ProjectRoutes['noAuthApps']): void {
  for (const [root, { open, all: ofApp }] of apps) {
    const anchor = noteAnchor(view, root, open);
    if (!anchor || anchor.file !== context.fileName) continue;
    const label = (v: RouteVerdict) => `${v.instance.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE'} ${v.instance.fullPath}`;
    // The route to name: one that changes data before one that reads.
    const example = label(open.find((v) => v.need.kind === 'state-changing') ?? open[0]);
    const signIn = signInRoute(ofApp);
    // An app without accounts whose routes only read publishes what it reads: the note is for apps where
    // anyone can change data.
    if (!signIn && open.every((v) => v.need.kind === 'sensitive')) continue;
    // Each open route is a related location: the note points at every route it speaks for.
    const related: RelatedSpec[] = open.slice(0, MAX_RELATED_ROUTES).map((v) => (v.instance.file === context.fileName
      ? { message: `${label(v)} is open to anyone`, startOffset: v.instance.event.reportSpan.start, endOffset: v.instance.event.reportSpan.end }
      : { message: `${label(v)} is open to anyone`, fileName: v.instance.file, range: v.instance.event.reportRange }));
    // A marker makes one route public: it answers the note only when the note is about that one route
    // (not when it sits on the call that creates the app, where no marker is read).
    const onlyRoute = open.length === 1 && open[0].instance.file === anchor.file && open[0].instance.event.reportSpan.start === anchor.statementStart;
    context.report({
      related,
      startOffset: anchor.span.start, endOffset: anchor.span.end, messageId: signIn ? 'signInNoChecks' : 'noAuthConcept',
      fixes: onlyRoute ? [markPublicFix(context.text, anchor.statementStart, context.tree.rootNode)].filter((f): f is FixSpec => !!f) : [],
      data: { total: String(ofApp.length), open: String(open.length), example, signIn: signIn ? label(signIn) : '' },
    });
  }
}

function reportRoutes(context: RuleContext, view: ProjectView, options: AuthOptions): void {
  const { noAuthApps, unprotectedByFile, evidence: groups, middleware } = routesOf(context, view, options);
  reportNoAuthApps(context, view, noAuthApps);
  const routes = unprotectedByFile.get(context.fileName) ?? [];
  if (!routes.length) return;
  const suggestion = middleware ? ` (this project uses ${middleware.text} on other routes)` : '';
  for (const verdict of routes) {
    const route: UnprotectedRoute = { event: verdict.instance.event, instance: verdict.instance, need: verdict.need as UnmetNeed, registeredAfter: verdict.registeredAfter };
    const { instance, event } = route;
    const method = instance.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE';
    const fixes: FixSpec[] = [];
    const insert = route.need.kind === 'webhook' || route.need.kind === 'admin' || route.need.kind === 'ownership' ? undefined : insertMiddlewareFix(context.text, view, route, middleware);
    if (insert) fixes.push(insert);
    const markPublic = markPublicFix(context.text, event.reportSpan.start, context.tree.rootNode);
    if (markPublic) fixes.push(markPublic);
    const base = { startOffset: event.reportSpan.start, endOffset: event.reportSpan.end, fixes, related: relatedFor(context, route) };
    if (route.registeredAfter) {
      const after = route.registeredAfter;
      const where = after.file === context.fileName ? `line ${after.event.reportRange.start.line + 1}` : `${path.basename(after.file)}:${after.event.reportRange.start.line + 1}`;
      context.report({ ...base, messageId: 'authAfterRoute', data: { method, path: shownPath(instance), middleware: after.arg.kind === 'ref' || after.arg.kind === 'call' ? after.arg.text : 'the auth middleware', where } });
      continue;
    }
    const { messageId, what } = messageFor(route.need);
    const evidence = route.need.kind === 'ownership'
      ? `${route.need.checked} of ${route.need.of} routes with a user in the path in ${shownFile(instance.file, context.project?.rootDir)} compare it with the caller or require a permission`
      : consistencyEvidence(verdict, groups, context.project?.rootDir);
    const advice = instance.framework === 'next' ? NEXT_SUGGESTION : suggestion;
    context.report({ ...base, messageId, data: { method, path: shownPath(instance), suggestion: advice, what: what ?? '', evidence: evidence ? ` ${evidence}.` : '' } });
  }
}

function reportNestRoutes(context: RuleContext, view: ProjectView, options: AuthOptions): void {
  if (!view.current.nestControllers.length || !view.project) return;
  const { model, guard } = perProject(context, view, 'nest-auth', () => {
    const files = [...view.graph.set.files.values()];
    return { model: nestAuthModel(files, options), guard: mostUsedNestGuard(files, options.middleware) };
  });
  const routes = unguardedNestRoutes(view.current, model, options);
  if (!routes.length) return;
  const suggestion = guard ? ` (this project uses @UseGuards(${guard}) elsewhere)` : '';
  for (const { route, fullPath, need } of routes) {
    const fixes: FixSpec[] = [];
    const insert = nestGuardFix(context.text, route, guard);
    if (insert) fixes.push(insert);
    const markPublic = markPublicFix(context.text, route.lineStart, context.tree.rootNode);
    if (markPublic) fixes.push(markPublic);
    const { messageId, what } = messageFor(need);
    context.report({
      startOffset: route.reportSpan.start, endOffset: route.reportSpan.end, messageId, fixes,
      data: { method: route.method.toUpperCase(), path: fullPath, suggestion, what: what ?? '', evidence: '' },
    });
  }
}

/**
 * Routes are judged where a request reaches them: through the app that mounts their router (with the
 * middleware registered before, in order). A router or route function no app is seen mounting (the file
 * alone, without project facts, or a mount the index cannot follow) is judged on the middleware its own
 * file shows. Nest controllers and Next.js route handlers are judged only with project facts, since global
 * guards and the root middleware live in other files.
 */
export const missingAuth: Rule = {
  meta: {
    id: 'missing-auth',
    description: 'Route handlers that change or expose protected data with no authentication or authorization check before them.',
    defaultSeverity: 'warning',
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
    references: [
      { id: 'CWE-862', url: 'https://cwe.mitre.org/data/definitions/862.html' },
      { id: 'CWE-306', url: 'https://cwe.mitre.org/data/definitions/306.html' },
      { id: 'OWASP A01:2025', url: 'https://owasp.org/Top10/2025/A01_2025-Broken_Access_Control/' },
      { id: 'OWASP Authorization Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html' },
    ],
    messages: {
      missingAuth: '{{method}} {{path}} changes data, but no authentication or authorization check runs before its handler: anyone who can reach the server can call it (broken access control).{{evidence}} Add your auth middleware before the handler{{suggestion}}, or mark the route public with a `// backend-guide-public: <reason>` comment.',
      missingAuthSensitive: '{{method}} {{path}} reads {{what}}, but no authentication or authorization check runs before its handler, so anyone can read it (broken access control).{{evidence}} Add your auth middleware before the handler{{suggestion}}, or mark the route public with a `// backend-guide-public: <reason>` comment.',
      authAfterRoute: '{{method}} {{path}} is registered before {{middleware}} ({{where}}); middleware runs in registration order, so that check never runs for this route. Register the route after the auth middleware, or add the middleware to the route itself.',
      noAuthConcept: 'This app has no authentication at all: none of its {{total}} routes checks who the caller is, so anyone who can reach the server can call every one of them, including {{example}}. Fine for a local demo; before it holds anyone\'s data, add sign-in and an auth middleware in front of the routes that change or reveal data, or mark the app public with a `// backend-guide-public: <reason>` comment.',
      signInNoChecks: 'This app signs users in ({{signIn}}) but none of its {{total}} routes checks who the caller is: {{open}} of them change or reveal data for anyone, including {{example}}. Add an auth middleware that rejects requests without a valid session or token in front of those routes.',
      adminWithoutRole: '{{method}} {{path}} is an admin route, but the only check before it asks whether the caller is signed in, not whether they are an admin: every signed-in user can call it (broken access control).{{evidence}} Add a role check (for example isAdmin or requireRole(\'admin\')) before the handler.',
      missingOwnership: '{{method}} {{path}} acts on the user named by {{what}}, but the only check before it asks whether the caller is signed in, not whether they are that user: any signed-in user can read or change another user\'s data (broken object level authorization).{{evidence}} Compare {{what}} with the caller\'s id, or require a permission, as those routes do.',
      pyMissingAuth: '{{method}} {{path}} changes data, but no authentication or authorization check runs before this {{framework}} view: anyone who can reach the server can call it (broken access control).{{evidence}} Protect it with {{fix}}{{suggestion}}, or mark it public with a `# backend-guide-public: <reason>` comment.',
      pyMissingAuthSensitive: '{{method}} {{path}} reads {{what}}, but no authentication or authorization check runs before this {{framework}} view, so anyone can read it (broken access control).{{evidence}} Protect it with {{fix}}{{suggestion}}, or mark it public with a `# backend-guide-public: <reason>` comment.',
      pyAdminWithoutRole: '{{method}} {{path}} is an admin route, but the only check before this {{framework}} view asks whether the caller is signed in, not whether they are an admin: every signed-in user can call it (broken access control).{{evidence}} Require a permission or role as well (for example `@permission_required(...)`, `IsAdminUser`, or a dependency that checks `user.is_superuser`).',
      pyUnsignedWebhook: '{{method}} {{path}} looks like a webhook but neither verifies the sender\'s signature nor requires authentication, so anyone can post forged events to it. Verify the signature (for example `stripe.Webhook.construct_event` or `hmac.compare_digest` on the signature header) before acting on the payload.',
      pyGuardAboveRoute: '{{what}} sits above the route decorator of {{method}} {{path}}: decorators apply from the bottom up, so {{framework}} registered the view before {{what}} wrapped it, and the check never runs for requests (broken access control). Move {{what}} below the route decorator, right above `def`.',
      pyNoAuthConcept: 'This {{framework}} app has no authentication at all: none of its {{total}} routes checks who the caller is, so anyone who can reach the server can call every one of them, including {{example}}. Fine for a local demo; before it holds anyone\'s data, add sign-in and protect the routes that change or reveal data with {{fix}}, or mark the app public with a `# backend-guide-public: <reason>` comment.',
      pySignInNoChecks: 'This {{framework}} app signs users in ({{signIn}}) but none of its {{total}} routes checks who the caller is: {{open}} of them change or reveal data for anyone, including {{example}}. Protect those routes with {{fix}}.',
      unsignedWebhook: '{{method}} {{path}} looks like a webhook but neither verifies the sender\'s signature nor requires authentication, so anyone can post forged events to it. Verify the signature (for example stripe.webhooks.constructEvent) before acting on the payload.',
    },
    guideAnchor: 'auth#protecting-endpoints',
    scope: 'project',
  },
  // routes are registered with a route method or decorator, or served by a Next.js file's place; tests serve none
  mayReport({ text, fileName, project }: RuleInput) {
    if (isTestFileName(fileName, project?.rootDir)) return false;
    if (fileName.endsWith('.py')) return MAY_HAVE_PYTHON_ROUTES.test(text);
    return MAY_HAVE_ROUTES.test(text) || !!nextFileKind(fileName);
  },
  // findings go on a route this file registers (or a directory it mounts), on an app it creates, on a Nest
  // controller or a Next.js route file; Python's routes are not asked
  mayReportInTree({ facts, languageId }: ParsedFileInput) {
    return languageId === 'python' || placesAppFacts(facts) || facts.nestControllers.length > 0 || facts.next !== undefined;
  },
  check(context: RuleContext) {
    if (!missingAuth.mayReport?.(context)) return;
    const view = projectView(context);
    const options = authOptions(context.config);
    if (context.languageId === 'python') {
      reportPythonRoutes(context, view, options);
      return;
    }
    reportRoutes(context, view, options);
    reportNestRoutes(context, view, options);
  },
};
