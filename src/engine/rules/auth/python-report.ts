import * as path from 'path';
import type { BackendRoute, RouteGuard } from '../../model/routes';
import type { ProjectView } from '../../project/project-view';
import type { FixSpec, RelatedSpec, RuleContext } from '../../rule';
import { markPublicFix } from './auth-fixes';
import type { AuthOptions } from './auth-options';
import { perProject } from './per-project';
import { decoratorFix } from './python-fixes';
import { projectGuard, pythonRoutes, pythonVerdicts, type ModelVerdict } from './python-verdicts';

/** How each framework protects a view, named in messages. */
const FRAMEWORK_FIX: Record<BackendRoute['framework'], string> = {
  flask: '`@login_required` (Flask-Login) or `@jwt_required()` (Flask-JWT-Extended) below the route decorator',
  django: '`@login_required`, `LoginRequiredMixin` or, in Django REST framework, `permission_classes = [IsAuthenticated]`',
  fastapi: 'a dependency that refuses anonymous callers (`user: User = Depends(get_current_user)`, or `dependencies=[Depends(...)]` on the router)',
};
const FRAMEWORK_NAME: Record<BackendRoute['framework'], string> = { flask: 'Flask', django: 'Django', fastapi: 'FastAPI' };
const MAX_RELATED_ROUTES = 50;

interface PythonRoutes {
  verdicts: ModelVerdict[];
  byFile: Map<string, ModelVerdict[]>;
}

function label(v: ModelVerdict): string {
  return `${v.route.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE'} ${v.route.fullPath}`;
}

function shown(file: string, rootDir: string | undefined): string {
  return rootDir ? path.relative(rootDir, file).split(path.sep).join('/') : path.basename(file);
}

/** The project's Python route verdicts, computed once per snapshot. */
export function pythonRouteVerdicts(context: RuleContext, view: ProjectView, options: AuthOptions): PythonRoutes {
  return perProject(context, view, 'python-routes', () => {
    const verdicts = pythonVerdicts(pythonRoutes(view.graph.set.files.values(), view.project?.rootDir), options, view.project !== undefined);
    const byFile = new Map<string, ModelVerdict[]>();
    for (const v of verdicts) byFile.set(v.route.file, [...(byFile.get(v.route.file) ?? []), v]);
    return { verdicts, byFile };
  });
}

/** "5 of 6 routes in app/routes.py check the caller (most with @login_required)". */
function evidence(verdict: ModelVerdict, all: readonly ModelVerdict[], rootDir: string | undefined): string {
  const judged = (v: ModelVerdict) => v.kind !== 'public' && v.kind !== 'no-check-needed';
  const sameFile = all.filter((v) => v.route.file === verdict.route.file && judged(v));
  const [group, where] = sameFile.some((v) => v.kind === 'protected') ? [sameFile, `in ${shown(verdict.route.file, rootDir)}`] : [all.filter((v) => v.route.app === verdict.route.app && judged(v)), 'of this app'];
  const protectedOnes = group.filter((v) => v.kind === 'protected');
  if (!protectedOnes.length) return '';
  const counts = new Map<string, number>();
  for (const v of protectedOnes) counts.set(v.guard?.name ?? 'a check inside the view', (counts.get(v.guard?.name ?? 'a check inside the view') ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return ` ${protectedOnes.length} of ${group.length} routes ${where} check the caller (most with ${top}).`;
}

function reportNoAuthApps(context: RuleContext, verdicts: readonly ModelVerdict[]): void {
  const apps = new Map<string, ModelVerdict[]>();
  for (const v of verdicts) apps.set(v.route.app, [...(apps.get(v.route.app) ?? []), v]);
  for (const all of apps.values()) {
    const open = all.filter((v) => v.kind === 'no-auth-app');
    if (!open.length) continue;
    const first = [...open].sort((a, b) => (a.route.file < b.route.file ? -1 : a.route.file > b.route.file ? 1 : a.route.reportStart - b.route.reportStart))[0];
    const anchor = first.route.appAt ?? { file: first.route.file, start: first.route.reportStart, end: first.route.reportEnd };
    if (anchor.file !== context.fileName) continue;
    const signIn = all.find((v) => v.need.kind === 'public' && v.need.signIn);
    if (!signIn && open.every((v) => v.need.kind === 'sensitive')) continue;
    const example = label(open.find((v) => v.need.kind === 'state-changing') ?? open[0]);
    const related: RelatedSpec[] = open.slice(0, MAX_RELATED_ROUTES).map((v) => (v.route.file === context.fileName
      ? { message: `${label(v)} is open to anyone`, startOffset: v.route.reportStart, endOffset: v.route.reportEnd }
      : { message: `${label(v)} is open to anyone`, fileName: v.route.file, range: v.route.reportRange }));
    const framework = first.route.framework;
    const markPublic = markPublicFix(context.text, anchor.start, context.tree.rootNode, '#');
    context.report({
      startOffset: anchor.start, endOffset: Math.min(anchor.end, context.text.indexOf('\n', anchor.start) < 0 ? anchor.end : context.text.indexOf('\n', anchor.start)),
      messageId: signIn ? 'pySignInNoChecks' : 'pyNoAuthConcept', related, fixes: markPublic ? [markPublic] : [],
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

/** Findings for the Flask, Django and FastAPI routes the analysed file declares, and the notes of apps without auth. */
export function reportPythonRoutes(context: RuleContext, view: ProjectView, options: AuthOptions): void {
  const { verdicts, byFile } = pythonRouteVerdicts(context, view, options);
  reportNoAuthApps(context, verdicts);
  const mine = (byFile.get(context.fileName) ?? []).filter((v) => v.kind === 'unprotected');
  const guards = new Map<BackendRoute['framework'], RouteGuard | undefined>();
  for (const verdict of mine) {
    const { route } = verdict;
    const framework = route.framework;
    if (!guards.has(framework)) guards.set(framework, projectGuard(verdicts, framework));
    const guard = guards.get(framework);
    const fixes: FixSpec[] = [];
    const add = verdict.need.kind === 'state-changing' || verdict.need.kind === 'sensitive' ? decoratorFix(context, view, route, guard) : undefined;
    if (add) fixes.push(add);
    const markPublic = verdict.need.kind === 'admin' || verdict.need.kind === 'webhook' ? undefined : markPublicFix(context.text, route.decoratorAt?.file === context.fileName && framework !== 'django' ? route.decoratorAt.offset : route.reportStart, context.tree.rootNode, '#');
    if (markPublic) fixes.push(markPublic);
    const { messageId, what } = route.misplacedGuard && verdict.need.kind !== 'admin' ? { messageId: 'pyGuardAboveRoute', what: route.misplacedGuard } : messageOf(verdict);
    context.report({
      startOffset: route.reportStart, endOffset: route.reportEnd, messageId, fixes,
      data: {
        method: (verdict.openMethods ?? route.methods).map((m) => m.toUpperCase()).join('/') || 'ROUTE', path: route.fullPath, what, framework: FRAMEWORK_NAME[framework],
        fix: FRAMEWORK_FIX[framework], suggestion: guard ? ` (this project uses ${guard.name} on other routes)` : '',
        evidence: evidence(verdict, verdicts, context.project?.rootDir),
      },
    });
  }
}
