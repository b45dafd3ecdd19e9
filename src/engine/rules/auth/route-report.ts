import path = require('path');
import type { EngineConfig } from '../../config';
import type { ProjectFacts } from '../../project';
import { projectGraph } from '../../project/project-view';
import { isNextRoot, nextRootDir } from '../../project/next-routes';
import { authOptions } from './auth-options';
import { AuthMiddlewareJudge, nestAuthModel, nestRouteVerdicts } from './route-evaluation';
import { pythonRoutes, pythonVerdicts } from './python-verdicts';
import { describeArg, routeVerdicts, type VerdictKind } from './route-verdicts';

/** One route as the Routes view and `backend-guide routes` show it. */
export interface RouteRow {
  app: string;
  file: string;
  line: number;
  method: string;
  path: string;
  framework: string;
  /** Middleware that runs before the handler, outermost first. */
  middleware: string[];
  verdict: VerdictKind;
  detail: string;
}

function relative(rootDir: string | undefined, file: string): string {
  return rootDir ? path.relative(rootDir, file).split(path.sep).join('/') : file;
}

/** Every server route of the project with its chain and verdict, for people (the view, the CLI), not for findings. */
export function projectRoutes(project: ProjectFacts, config: EngineConfig): RouteRow[] {
  const graph = projectGraph(project);
  const options = authOptions(config);
  const judge = new AuthMiddlewareJudge(graph, options);
  const rows: RouteRow[] = routeVerdicts(graph, judge, options, true, (fileName) => project.packageFor(fileName)).map((v) => {
    const app = graph.object(v.instance.root);
    const appName = isNextRoot(v.instance.root) ? `Next.js app (${relative(project.rootDir, nextRootDir(v.instance.root)) || '.'})`
      : app ? `${app.fact.boundTo ?? app.fact.kind} (${relative(project.rootDir, app.file)})` : `routes of ${relative(project.rootDir, v.instance.file)} (no app seen mounting them)`;
    return {
      app: appName,
      file: v.instance.file,
      line: v.instance.event.reportAt[0] + 1,
      method: v.instance.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE',
      path: v.instance.fullPath,
      framework: v.instance.framework,
      middleware: v.instance.applied.map((use) => describeArg(use.arg)),
      verdict: v.kind,
      detail: v.detail,
    };
  });
  const files = [...project.files.values()];
  const nest = nestAuthModel(files, options);
  for (const facts of files) {
    if (facts.isTest || !facts.nestControllers.length) continue;
    for (const v of nestRouteVerdicts(facts, nest, options)) {
      rows.push({
        app: `Nest controller ${v.controller.name} (${relative(project.rootDir, facts.fileName)})`, file: facts.fileName,
        line: v.route.line, method: v.route.method.toUpperCase(), path: v.fullPath,
        framework: 'nest', middleware: v.route.decorators.map((d) => `@${d.name}`), verdict: v.kind, detail: v.detail,
      });
    }
  }
  const python = project.memo(`python-route-rows:${JSON.stringify(config.options.auth ?? null)}`, () => pythonVerdicts(pythonRoutes(project.files.values(), project.rootDir), options, true));
  for (const v of python) {
    rows.push({
      app: v.route.appLabel, file: v.route.file, line: v.route.reportAt[0] + 1,
      method: v.route.methods.map((m) => m.toUpperCase()).join('/') || 'ROUTE', path: v.route.fullPath, framework: v.route.framework,
      middleware: v.route.guards.map((g) => (g.role === 'opens' ? `${g.name} (opens)` : g.name)), verdict: v.kind, detail: v.detail,
    });
  }
  return rows;
}
