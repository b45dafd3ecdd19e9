import path = require('path');
import type { VerdictKind } from '../../model/routes';
import { isAppKind, type AppGraph } from '../../project/app-graph';
import type { ArgFact } from '../../project/facts';
import type { MiddlewareUse, RouteInstance } from '../../project/route-walker';
import { isNextRoot, nextRouteInstances, type PackageLookup } from '../../project/next-routes';
import type { AuthOptions } from './auth-options';
import type { AuthMiddlewareJudge } from './route-evaluation';
import { hasInHandlerCheck } from './handler-checks';
import { routeNeed, type RouteNeed } from './route-policy';
import { isServerRoute, isUnmountedRouter, mountedRouterFolders, type MountedRouterFolders } from './route-shape';
import { delegatedVerdict } from './next-delegation';
import { markMissingOwnershipChecks } from './ownership';
import { ImportedHelpers } from './handler-helpers';

/**
 * Every server route of a project with a verdict, the model behind `missing-auth`, the Routes view and
 * `backend-guide routes`. Consistency is the evidence: a route lacking a check is flagged only in an app
 * that has an authentication concept (some route is protected, or users sign in); in an app without one,
 * every route is public and the app gets one note instead of a finding per route.
 */
export type { VerdictKind };

export interface RouteVerdict {
  instance: RouteInstance;
  need: RouteNeed;
  kind: VerdictKind;
  /** What protects it, why it is public, or why it needs no check. */
  detail: string;
  /** The middleware that protects it. */
  guard?: MiddlewareUse;
  /** An auth middleware of the same chain registered after the route: it never runs for it. */
  registeredAfter?: MiddlewareUse;
}

export function describeArg(arg: ArgFact): string {
  if (arg.kind === 'ref' || arg.kind === 'call' || arg.kind === 'other') return arg.text.replace(/\s+/g, ' ').slice(0, 80);
  if (arg.kind === 'array') return `[${arg.items.map(describeArg).join(', ')}]`;
  if (arg.kind === 'string') return JSON.stringify(arg.value);
  if (arg.kind === 'object') return '{ ... }';
  return 'an inline function';
}

// API keys are issued by an operator and carry the instance's privileges: they count as a privilege check.
const PRIVILEGE_WORDS = /admin|role|permission|privilege|scope|acl|rbac|superuser|staff|owner|policy|ability|can[A-Z]|api_?key/i;
const PRIVILEGE_CODE = /\.\s*(?:role|roles|isAdmin|admin|permissions?|scopes?|isSuperuser|isStaff)\b|\bhasRole\s*\(|\bcan\s*\(/;

function isAdminPath(path: string): boolean {
  return path.split('/').some((s) => /^admin(?:istration)?$/i.test(s));
}

/** A handler that renders or answers as the admin side (`res.render('benefits', { isAdmin: true })`) serves an admin function. */
const SERVES_ADMIN = /\b(?:isAdmin|admin)\s*:\s*true\b/;

function isAdminRoute(path: string, handlerCode: string | undefined): boolean {
  return isAdminPath(path) || (handlerCode !== undefined && SERVES_ADMIN.test(handlerCode));
}

/** A check that asks what the caller may do, not only who they are: by its name, arguments or code. */
function checksPrivilege(text: string, code: string | undefined): boolean {
  return PRIVILEGE_WORDS.test(text) || (code !== undefined && PRIVILEGE_CODE.test(code));
}

function judgeRoute(graph: AppGraph, instance: RouteInstance, judge: AuthMiddlewareJudge, options: AuthOptions, helpers: ImportedHelpers): RouteVerdict {
  const handler = instance.handler;
  const ownCode = handler ? handler.code ?? judge.handlerCode(handler.file, handler.arg) : undefined;
  // The helpers are those the handler's own file imports, wherever the route is registered.
  const codeFile = handler && (handler.code !== undefined ? handler.file : graph.resolver.functionOf(handler.file, handler.arg)?.file);
  const handlerCode = codeFile && ownCode !== undefined ? helpers.of(codeFile, ownCode) : ownCode;
  const handlerName = handler && (handler.arg.kind === 'ref' || handler.arg.kind === 'call') ? handler.arg.name : undefined;
  // A check that lets this path through by its own list of public paths does not guard it: the project
  // declares the route public there, as a `backend-guide-public` comment would.
  const checks = instance.applied.filter((use) => judge.isAuth(use.file, use.arg));
  const exempting = checks.map((use) => ({ use, list: judge.exemptingList(use, instance.fullPath) })).find((e) => e.list !== undefined);
  const listed = exempting && `listed in ${exempting.list}, the paths ${describeArg(exempting.use.arg)} lets through without a check`;
  const need = routeNeed({ methods: instance.methods, fullPath: instance.fullPath, publicReason: instance.event.publicReason ?? listed, handlerName, handlerCode, listsDirectory: instance.listsDirectory }, options);
  const guards = checks.filter((use) => use !== exempting?.use);
  const guard = guards[0];
  // An admin route guarded by a sign-in check alone lets every signed-in user in: it needs a role check too.
  // A second check in the chain is taken for that role check, whatever it is called. A route the project
  // declares public (marker, auth.publicRoutes, its check's own list) is open on purpose, to signed-in users too.
  if (need.kind !== 'public' && guards.length === 1 && isAdminRoute(instance.fullPath, handlerCode) && judge.stopsRequests(guard.file, guard.arg) && !guards.some((use) => checksPrivilege(describeArg(use.arg), judge.handlerCode(use.file, use.arg))) && !checksPrivilege('', handlerCode)) {
    return { instance, need: { kind: 'admin' }, kind: 'unprotected', detail: `only ${describeArg(guard.arg)}, a sign-in check, guards an admin route`, guard };
  }
  if (guard) return { instance, need, kind: 'protected', detail: `${describeArg(guard.arg)} (${guard.level} level)`, guard };
  if (handler && (judge.handlerChecks(handler.file, handler.arg) || (handler.code !== undefined && hasInHandlerCheck(handler.code)))) return { instance, need, kind: 'protected', detail: 'a check inside the handler' };
  if (need.kind === 'public') return { instance, need, kind: 'public', detail: need.reason };
  // A helper that registers whatever its callers pass (`routes.post(path, handler)` with both parameters or
  // values built from them) shows neither what is served nor what runs: the routes are its callers'.
  if (instance.framework !== 'next' && instance.event.path === undefined && instance.event.args[0]?.kind === 'ref' && handlerCode === undefined && instance.event.method !== 'use') {
    return { instance, need: { kind: 'none', reason: 'a generic registration: its path and handler come from its callers' }, kind: 'no-check-needed', detail: 'a generic registration: its path and handler come from its callers' };
  }
  if (need.kind === 'none') return { instance, need, kind: 'no-check-needed', detail: need.reason };
  return { instance, need, kind: 'unprotected', detail: 'no check runs before the handler', registeredAfter: instance.later.find((use) => judge.isAuth(use.file, use.arg) && judge.stopsRequests(use.file, use.arg)) };
}

/**
 * An app has an authentication concept when a route of it is checked, or a check is registered (even too
 * late). A log-in route alone is no such evidence: an app that signs users in and then checks nothing on
 * any route gets the app-level note, which says so, rather than a guess per route.
 */
function hasAuthConcept(verdicts: readonly RouteVerdict[]): boolean {
  return verdicts.some((v) => v.kind === 'protected' || v.registeredAfter !== undefined);
}

/** The sign-in route of an app, when it has one: the note then says that users sign in but nothing checks them. */
export function signInRoute(verdicts: readonly RouteVerdict[]): RouteVerdict | undefined {
  return verdicts.find((v) => v.need.kind === 'public' && v.need.signIn === true);
}

/**
 * Verdicts for every server route the graph knows, in the graph's order, then the Next.js routes. `wholeProject`
 * says the graph holds the whole project: only then can an app be said to have no authentication at all (a
 * lone file cannot show the auth its project applies elsewhere, so its open routes stay findings), and only
 * then are Next.js routes judged (their middleware lives in another file). `packageFor` places them in their
 * Next project.
 */
export function routeVerdicts(graph: AppGraph, judge: AuthMiddlewareJudge, options: AuthOptions, wholeProject = true, packageFor?: PackageLookup): RouteVerdict[] {
  // A route reached through several mounts is one registration: it is judged by its weakest place.
  const byEvent = new Map<RouteInstance['event'], RouteVerdict>();
  // One answer per router: its routes share it.
  const unmountedRoots = new Map<string, boolean>();
  let mounted: MountedRouterFolders | undefined;
  const unmounted = (instance: RouteInstance): boolean => {
    let known = unmountedRoots.get(instance.root);
    if (known === undefined) unmountedRoots.set(instance.root, known = isUnmountedRouter(graph, instance, mounted ??= mountedRouterFolders(graph)));
    return known;
  };
  const nextRoutes = wholeProject ? nextRouteInstances(graph.set.files.values(), packageFor) : [];
  const helpers = new ImportedHelpers(graph);
  for (const instance of [...graph.routeInstances(), ...nextRoutes]) {
    if (instance.framework !== 'next' && !isServerRoute(graph, instance)) continue;
    // A handler a library builds is that library's: its sign-in flow is public, its router judged elsewhere
    // (unless a check runs before it).
    if (wholeProject && instance.detached && unmounted(instance)) {
      const reason = 'never mounted: no file imports this router, while its sibling routers are imported';
      byEvent.set(instance.event, { instance, need: { kind: 'none', reason }, kind: 'no-check-needed', detail: reason });
      continue;
    }
    const judged = judgeRoute(graph, instance, judge, options, helpers);
    const delegated = delegatedVerdict(graph, instance);
    const verdict = delegated && (delegated.kind === 'public' || judged.kind !== 'protected') ? delegated : judged;
    const known = byEvent.get(instance.event);
    if (!known || (verdict.kind === 'unprotected' && known.kind !== 'unprotected')) byEvent.set(instance.event, verdict);
  }
  const all = [...byEvent.values()];
  const byRoot = new Map<string, RouteVerdict[]>();
  for (const verdict of all) {
    const list = byRoot.get(verdict.instance.root);
    if (list) list.push(verdict); else byRoot.set(verdict.instance.root, [verdict]);
  }
  markMissingOwnershipChecks(all, judge);
  if (!wholeProject) return all;
  // A router no app is seen mounting belongs to the project at large: it shares the project's concept.
  const projectHasConcept = hasAuthConcept(all);
  for (const [root, verdicts] of byRoot) {
    const isApp = isNextRoot(root) || isAppKind(graph.object(root)?.fact.kind ?? 'express-router');
    if (hasAuthConcept(verdicts) || (projectHasConcept && !isApp)) continue;
    for (const v of verdicts) if (v.kind === 'unprotected') { v.kind = 'no-auth-app'; v.detail = 'the app has no authentication at all: every route is public'; }
  }
  return all;
}

/** A file as messages name it: relative to the project root when there is one. */
export function shownFile(file: string, rootDir: string | undefined): string {
  return rootDir ? path.relative(rootDir, file).split(path.sep).join('/') : path.basename(file);
}

/** The routes a finding's evidence is drawn from, grouped once per project: by file and by app, public ones and those needing no check left out. */
export interface EvidenceGroups {
  byFile: Map<string, RouteVerdict[]>;
  byRoot: Map<string, RouteVerdict[]>;
}

export function evidenceGroups(all: readonly RouteVerdict[]): EvidenceGroups {
  const groups: EvidenceGroups = { byFile: new Map(), byRoot: new Map() };
  const add = (map: Map<string, RouteVerdict[]>, key: string, v: RouteVerdict) => {
    const list = map.get(key);
    if (list) list.push(v); else map.set(key, [v]);
  };
  for (const v of all) {
    if (v.kind === 'public' || v.kind === 'no-check-needed') continue;
    add(groups.byFile, v.instance.file, v);
    add(groups.byRoot, v.instance.root, v);
  }
  return groups;
}

/** "12 of 13 routes in routes/orders.js use requireAuth": the evidence a finding rests on. */
export function consistencyEvidence(verdict: RouteVerdict, groups: EvidenceGroups, rootDir: string | undefined): string {
  const sameFile = groups.byFile.get(verdict.instance.file) ?? [];
  const sameRoot = groups.byRoot.get(verdict.instance.root) ?? [];
  const [group, where] = sameFile.some((v) => v.kind === 'protected')
    ? [sameFile, `in ${shownFile(verdict.instance.file, rootDir)}`]
    : [sameRoot, 'of this app'];
  const protectedOnes = group.filter((v) => v.kind === 'protected');
  if (!protectedOnes.length) return '';
  const counts = new Map<string, number>();
  for (const v of protectedOnes) {
    const name = v.guard ? describeArg(v.guard.arg) : 'a check inside the handler';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return `${protectedOnes.length} of ${group.length} routes ${where} check the caller (most with ${top})`;
}
