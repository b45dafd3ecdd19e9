import path = require('path');
import type { BackendRoute, RouteGuard } from '../../model/routes';
import type { FileFacts } from '../../project/facts';
import type { ConfigShare } from '../../project/project-shares';
import { sharedResult } from '../../project/project-shares';
import type { ProjectView } from '../../project/project-view';
import type { FixSpec, RuleContext } from '../../rule';
import { markPublicFix } from './auth-fixes';
import { authOptions, type AuthOptions } from './auth-options';
import { indexedAsIs } from './per-project';
import { decoratorFix } from './python-fixes';
import { projectGuard, pythonRoutes, pythonVerdicts, type ModelVerdict } from './python-verdicts';
import type { PlannedReport } from './route-plans';
import { relatedAt } from '../related-places';

/** How each framework protects a view, named in messages. */
const FRAMEWORK_FIX: Record<BackendRoute['framework'], string> = {
  flask: '`@login_required` (Flask-Login) or `@jwt_required()` (Flask-JWT-Extended) below the route decorator',
  django: '`@login_required`, `LoginRequiredMixin` or, in Django REST framework, `permission_classes = [IsAuthenticated]`',
  fastapi: 'a dependency that refuses anonymous callers (`user: User = Depends(get_current_user)`, or `dependencies=[Depends(...)]` on the router)',
};
const FRAMEWORK_NAME: Record<BackendRoute['framework'], string> = { flask: 'Flask', django: 'Django', fastapi: 'FastAPI' };
const MAX_RELATED_ROUTES = 50;

/** A finding in a Python file, decided from the project's routes; its fixes are made where it is reported. */
interface PlannedPythonReport extends PlannedReport {
  /** The project's guard decorator, to add on the view's `def` line (see `decoratorFix`). */
  decorate?: { at: NonNullable<BackendRoute['decoratorAt']>; decorator: NonNullable<RouteGuard['decorator']> };
  /** The finding ends with the first line of what it flags (an app created over several lines). */
  firstLineOnly?: true;
}

/** What `missing-auth` reports in each Python file: the notes of apps without auth, then the unprotected routes. */
interface PythonPlans {
  byFile: Map<string, PlannedPythonReport[]>;
}

function label(v: ModelVerdict): string {
  return `${v.route.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE'} ${v.route.fullPath}`;
}

function shown(file: string, rootDir: string | undefined): string {
  return rootDir ? path.relative(rootDir, file).split(path.sep).join('/') : path.basename(file);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/**
 * "5 of 6 routes in app/routes.py check the caller (most with @login_required)", for each route: worked out once
 * per file and app, from the routes that need a check grouped once.
 */
function evidenceOf(all: readonly ModelVerdict[], rootDir: string | undefined): (verdict: ModelVerdict) => string {
  const byFile = new Map<string, ModelVerdict[]>();
  const byApp = new Map<string, ModelVerdict[]>();
  for (const v of all) {
    if (v.kind === 'public' || v.kind === 'no-check-needed') continue;
    pushTo(byFile, v.route.file, v);
    pushTo(byApp, v.route.app, v);
  }
  const known = new Map<string, string>();
  const evidence = (verdict: ModelVerdict): string => {
    const sameFile = byFile.get(verdict.route.file) ?? [];
    const [group, where] = sameFile.some((v) => v.kind === 'protected') ? [sameFile, `in ${shown(verdict.route.file, rootDir)}`] : [byApp.get(verdict.route.app) ?? [], 'of this app'];
    const protectedOnes = group.filter((v) => v.kind === 'protected');
    if (!protectedOnes.length) return '';
    const counts = new Map<string, number>();
    for (const v of protectedOnes) counts.set(v.guard?.name ?? 'a check inside the view', (counts.get(v.guard?.name ?? 'a check inside the view') ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return ` ${protectedOnes.length} of ${group.length} routes ${where} check the caller (most with ${top}).`;
  };
  return (verdict) => {
    const key = `${verdict.route.file}\0${verdict.route.app}`;
    let found = known.get(key);
    if (found === undefined) known.set(key, found = evidence(verdict));
    return found;
  };
}

/** The note of each app with no authentication at all, where the app is created (or at its first open route). */
function planNotes(verdicts: readonly ModelVerdict[], plans: Map<string, PlannedPythonReport[]>): void {
  const apps = new Map<string, ModelVerdict[]>();
  for (const v of verdicts) pushTo(apps, v.route.app, v);
  for (const all of apps.values()) {
    const open = all.filter((v) => v.kind === 'no-auth-app');
    if (!open.length) continue;
    const first = [...open].sort((a, b) => (a.route.file < b.route.file ? -1 : a.route.file > b.route.file ? 1 : a.route.reportStart - b.route.reportStart))[0];
    const anchor = first.route.appAt ?? { file: first.route.file, start: first.route.reportStart, end: first.route.reportEnd };
    const signIn = all.find((v) => v.need.kind === 'public' && v.need.signIn);
    if (!signIn && open.every((v) => v.need.kind === 'sensitive')) continue;
    const example = label(open.find((v) => v.need.kind === 'state-changing') ?? open[0]);
    const related = open.slice(0, MAX_RELATED_ROUTES).map((v) => relatedAt(anchor.file, `${label(v)} is open to anyone`,
      { file: v.route.file, span: { start: v.route.reportStart, end: v.route.reportEnd }, at: v.route.reportAt }));
    const framework = first.route.framework;
    pushTo(plans, anchor.file, {
      startOffset: anchor.start, endOffset: anchor.end, firstLineOnly: true, markPublicAt: anchor.start,
      messageId: signIn ? 'pySignInNoChecks' : 'pyNoAuthConcept', related,
      data: { framework: FRAMEWORK_NAME[framework], total: String(all.length), open: String(open.length), example, signIn: signIn ? label(signIn) : '', fix: FRAMEWORK_FIX[framework] },
    });
  }
}

function messageOf(verdict: ModelVerdict): { messageId: string; what: string } {
  const need = verdict.need;
  if (need.kind === 'sensitive') return { messageId: 'pyMissingAuthSensitive', what: need.what };
  if (need.kind === 'webhook') return { messageId: 'pyUnsignedWebhook', what: '' };
  if (need.kind === 'admin') return { messageId: 'pyAdminWithoutRole', what: '' };
  return { messageId: 'pyMissingAuth', what: '' };
}

function planRoute(verdict: ModelVerdict, guard: RouteGuard | undefined, evidence: string): PlannedPythonReport {
  const { route } = verdict;
  const framework = route.framework;
  const at = route.decoratorAt;
  const decorate = (verdict.need.kind === 'state-changing' || verdict.need.kind === 'sensitive') && at?.file === route.file && guard?.decorator ? { at, decorator: guard.decorator } : undefined;
  const markPublicAt = verdict.need.kind === 'admin' || verdict.need.kind === 'webhook' ? undefined : at?.file === route.file && framework !== 'django' ? at.offset : route.reportStart;
  const { messageId, what } = route.misplacedGuard && verdict.need.kind !== 'admin' ? { messageId: 'pyGuardAboveRoute', what: route.misplacedGuard } : messageOf(verdict);
  return {
    startOffset: route.reportStart, endOffset: route.reportEnd, messageId, related: [],
    data: {
      method: (verdict.openMethods ?? route.methods).map((m) => m.toUpperCase()).join('/') || 'ROUTE', path: route.fullPath, what, framework: FRAMEWORK_NAME[framework],
      fix: FRAMEWORK_FIX[framework], suggestion: guard ? ` (this project uses ${guard.name} on other routes)` : '', evidence,
    },
    ...(decorate ? { decorate } : {}),
    ...(markPublicAt !== undefined ? { markPublicAt } : {}),
  };
}

/** What `missing-auth` reports in each of `files` for their Flask, Django and FastAPI routes, judged once for all. */
function pythonPlans(files: Iterable<FileFacts>, rootDir: string | undefined, options: AuthOptions, wholeProject: boolean): PythonPlans {
  const verdicts = pythonVerdicts(pythonRoutes(files, rootDir), options, wholeProject);
  const byFile = new Map<string, PlannedPythonReport[]>();
  planNotes(verdicts, byFile);
  const guards = new Map<BackendRoute['framework'], RouteGuard | undefined>();
  const evidence = evidenceOf(verdicts, rootDir);
  for (const verdict of verdicts) {
    if (verdict.kind !== 'unprotected') continue;
    const framework = verdict.route.framework;
    if (!guards.has(framework)) guards.set(framework, projectGuard(verdicts, framework));
    pushTo(byFile, verdict.route.file, planRoute(verdict, guards.get(framework), evidence(verdict)));
  }
  return { byFile };
}

/** The project's Python route plans, computed once per scan and sent to every thread. */
export const PYTHON_PLANS: ConfigShare<PythonPlans> = {
  name: 'python-route-plans',
  mayBeWanted: (project) => [...project.files.values()].some((facts) => facts.languageId === 'python'),
  configKey: (config) => JSON.stringify(config.options.auth ?? null),
  compute: (project, config) => pythonPlans(project.files.values(), project.rootDir, authOptions(config), true),
};

/** Findings for the Flask, Django and FastAPI routes the analysed file declares, and the notes of apps without auth. */
export function reportPythonRoutes(context: RuleContext, view: ProjectView, options: AuthOptions): void {
  const { byFile } = indexedAsIs(context, view) ? sharedResult(view.project!, PYTHON_PLANS, context.config)
    : pythonPlans(view.graph.set.files.values(), view.project?.rootDir, options, view.project !== undefined);
  for (const { decorate, markPublicAt, firstLineOnly, ...planned } of byFile.get(context.fileName) ?? []) {
    const fixes: FixSpec[] = [];
    const add = decorate && decoratorFix(context, view, decorate.at, decorate.decorator);
    if (add) fixes.push(add);
    const markPublic = markPublicAt === undefined ? undefined : markPublicFix(context.text, markPublicAt, context.tree.rootNode, '#');
    if (markPublic) fixes.push(markPublic);
    const lineEnd = context.text.indexOf('\n', planned.startOffset);
    context.report({ ...planned, endOffset: firstLineOnly && lineEnd >= 0 ? Math.min(planned.endOffset, lineEnd) : planned.endOffset, fixes });
  }
}
