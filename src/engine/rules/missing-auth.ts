import { isTestFileName } from '../project/frameworks';
import { placesAppFacts } from '../project/app-graph';
import { nextFileKind } from '../project/extract-next';
import type { FileFacts } from '../project/facts';
import { sharedResult, type ConfigShare } from '../project/project-shares';
import { projectView, type ProjectView } from '../project/project-view';
import type { FixSpec, ParsedFileInput, Rule, RuleContext, RuleInput } from '../rule';
import { insertMiddlewareFix, markPublicFix, mostUsedNestGuard, nestGuardFix } from './auth/auth-fixes';
import { authOptions, type AuthOptions } from './auth/auth-options';
import { indexedAsIs } from './auth/per-project';
import { PYTHON_PLANS, reportPythonRoutes } from './auth/python-report';
import { nestAuthModel, unguardedNestRoutes, type NestAuthModel } from './auth/route-evaluation';
import { messageFor, ROUTE_PLANS, routePlans } from './auth/route-plans';

/** Python files that may declare routes (route decorators, URLconfs, router registrations) or create an app. */
const MAY_HAVE_PYTHON_ROUTES = /@[\w.]+\.(?:route|get|post|put|patch|delete|api_route)\s*\(|\burlpatterns\b|\.register\s*\(|\bFlask\s*\(|\bFastAPI\s*\(/;

/** Files that may register routes (route-shaped calls, Nest route decorators) or create an app (its note goes there). */
const MAY_HAVE_ROUTES = /\.\s*(?:get|post|put|patch|delete|del|all|route)\s*(?:<[^()<>]{0,200}>\s*)?\(|@(?:Get|Post|Put|Patch|Delete|All)\s*\(|\bexpress\s*\(\s*\)|\bnew\s+Koa\b|\bfastify\s*\(|\bFastify\s*\(/;

/** The notes and route findings the project's routes make in this file (see `RoutePlans`), with their fixes. */
function reportRoutes(context: RuleContext, view: ProjectView, options: AuthOptions): void {
  const { byFile, middleware } = indexedAsIs(context, view) ? sharedResult(view.project!, ROUTE_PLANS, context.config) : routePlans(view.graph, view.project, options);
  for (const { markPublicAt, insertAt, ...planned } of byFile.get(context.fileName) ?? []) {
    const fixes: FixSpec[] = [];
    const insert = insertMiddlewareFix(context.text, view, insertAt, middleware);
    if (insert) fixes.push(insert);
    const markPublic = markPublicAt === undefined ? undefined : markPublicFix(context.text, markPublicAt, context.tree.rootNode);
    if (markPublic) fixes.push(markPublic);
    context.report({ ...planned, fixes });
  }
}

/** The project's Nest auth model and the guard its controllers use most, read once per project. */
function nestAuth(files: readonly FileFacts[], options: AuthOptions): { model: NestAuthModel; guard?: string } {
  const guard = mostUsedNestGuard(files, options.middleware);
  return { model: nestAuthModel(files, options), ...(guard ? { guard } : {}) };
}

const NEST_AUTH: ConfigShare<ReturnType<typeof nestAuth>> = {
  name: 'nest-auth',
  mayBeWanted: (project) => [...project.files.values()].some((facts) => facts.nestControllers.length > 0),
  configKey: (config) => JSON.stringify(config.options.auth ?? null),
  compute: (project, config) => nestAuth([...project.files.values()], authOptions(config)),
};

function reportNestRoutes(context: RuleContext, view: ProjectView, options: AuthOptions): void {
  if (!view.current.nestControllers.length || !view.project) return;
  const { model, guard } = indexedAsIs(context, view) ? sharedResult(view.project!, NEST_AUTH, context.config) : nestAuth([...view.graph.set.files.values()], options);
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
  projectShares: [ROUTE_PLANS, PYTHON_PLANS, NEST_AUTH],
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
