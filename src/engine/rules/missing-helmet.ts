import path = require('path');
import { optionsSection, stringList } from '../config';
import { placesAppFacts, type AppSummary } from '../project/app-graph';
import { isDeveloperFileName, isTestFileName } from '../project/frameworks';
import { projectView, type ProjectView } from '../project/project-view';
import type { ParsedFileInput, RelatedSpec, Rule, RuleContext, RuleInput } from '../rule';
import type { FindingCommand } from '../types';
import { helmetFix } from './helmet/helmet-fix';
import { assessApp, type HelmetAssessment } from './helmet/helmet-status';
import { rangeOfLines } from '../text';
import { placeName, relatedAt } from './related-places';

/** Options of the `helmet` section of `.backendguide.yaml`. */
export interface HelmetOptions {
  /** Middleware names that set the full set of security headers like `helmet()` does (a company wrapper, say). */
  middleware: string[];
}

export function helmetOptions(context: RuleContext): HelmetOptions {
  return { middleware: stringList(optionsSection(context.config, 'helmet'), 'middleware') };
}

/**
 * Which apps are judged. An app that is served (`listen`, `http.createServer(app)`, `serverless(app)`) is
 * judged on what its trace shows. An exported app is judged only with project facts, when every file that
 * could add middleware to it was indexed; alone, its file does not show all its middleware. Apps that are
 * neither (scripts, helpers that build an app and drop it) and apps in test files are never flagged;
 * sub-apps mounted on another app are covered by their parent's finding.
 */
function isJudged(app: AppSummary, view: ProjectView): boolean {
  if (app.object.kind !== 'express-app' || app.mountedIn.length) return false;
  return app.served || (app.exported && view.project !== undefined);
}

function relatedFiles(context: RuleContext, assessment: HelmetAssessment): RelatedSpec[] {
  const middleware = assessment.middlewareFiles.map((entry) => (entry.file === context.fileName
    ? { message: 'middleware of this app is registered here', startOffset: entry.event.span.start, endOffset: entry.event.reportSpan.end }
    : { message: `middleware of this app is registered in ${path.basename(entry.file)}`, fileName: entry.file, range: rangeOfLines(entry.event.reportAt) }));
  // one finding per app: where it only hides X-Powered-By is part of that finding, not a finding of its own
  const hidden = assessment.full || assessment.covered.size ? [] : assessment.poweredBy.map((entry) => {
    const message = 'X-Powered-By is hidden here, which only hides the framework name; helmet() does that too';
    return relatedAt(context.fileName, message, { file: entry.file, span: entry.event.span, at: entry.event.reportAt });
  });
  return [...middleware, ...hidden];
}

/** `` (helmet is a dependency or package.json is unknown) or a sentence saying it is missing. */
function dependencyState(view: ProjectView, fileName: string): { note: string; command?: FindingCommand } {
  const pkg = view.project?.packageFor(fileName);
  if (!pkg?.readable || pkg.dependencies.has('helmet')) return { note: '' };
  const where = view.project?.rootDir ? path.relative(view.project.rootDir, pkg.fileName) || 'package.json' : pkg.fileName;
  return {
    note: ` helmet is not a dependency in ${where} yet: run npm install helmet.`,
    command: { title: 'Install helmet (npm install helmet)', command: 'installPackage', arguments: ['helmet', pkg.dir] },
  };
}

function reportAppCreation(context: RuleContext, view: ProjectView, app: AppSummary, assessment: HelmetAssessment): void {
  if (assessment.full || !assessment.missing.length) return;
  const dependency = dependencyState(view, context.fileName);
  const fix = helmetFix(context.text, view.current, app.object);
  const base = { startOffset: app.object.span.start, endOffset: app.object.span.end, related: relatedFiles(context, assessment), fixes: fix ? [fix] : [], commands: dependency.command ? [dependency.command] : [] };
  if (assessment.covered.size === 0) {
    context.report({ ...base, messageId: assessment.poweredBy.length ? 'poweredByInstead' : 'missingHelmet', data: { dependencyNote: dependency.note } });
  } else {
    context.report({ ...base, messageId: 'partialHelmet', data: { present: [...assessment.covered].join(', '), missing: assessment.missing.join(', '), dependencyNote: dependency.note } });
  }
}

function reportOrder(context: RuleContext, assessment: HelmetAssessment): void {
  const use = assessment.firstHeaderUse;
  const responder = assessment.responderBefore;
  if (!use || !responder || use.entry.file !== context.fileName) return;
  const place = { file: responder.file, span: responder.event.reportSpan, at: responder.event.reportAt };
  const where = placeName(context.fileName, place);
  const what = responder.event.method === 'use' ? 'a router or static files mounted' : `the route ${responder.event.method.toUpperCase()} ${responder.event.path ?? ''}`.trimEnd();
  const related = [relatedAt(context.fileName, 'registered before Helmet', place)];
  context.report({ startOffset: use.arg.span.start, endOffset: use.arg.span.end, messageId: 'helmetAfterRoutes', data: { what, where }, related, lowerSeverity: true });
}


export const missingHelmet: Rule = {
  meta: {
    id: 'missing-helmet',
    description: 'Express apps that never apply Helmet (or apply it after their routes), so responses lack HTTP security headers.',
    defaultSeverity: 'warning',
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
    references: [
      { id: 'CWE-693', url: 'https://cwe.mitre.org/data/definitions/693.html' },
      { id: 'OWASP HTTP Headers Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html' },
      { id: 'OWASP A02:2025', url: 'https://owasp.org/Top10/2025/A02_2025-Security_Misconfiguration/' },
    ],
    messages: {
      missingHelmet: 'This Express app never applies Helmet, so its responses carry no security headers (Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options) that limit cross-site scripting, clickjacking and HTTPS downgrades. Add app.use(helmet()) right after creating the app.{{dependencyNote}}',
      poweredByInstead: 'This Express app only hides X-Powered-By and sets no security headers (Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options). Add app.use(helmet()) right after creating the app; it also removes X-Powered-By.{{dependencyNote}}',
      partialHelmet: 'This Express app sets only some security headers ({{present}}); {{missing}} are never sent. Apply helmet() for the full set, or add the missing Helmet middlewares.{{dependencyNote}}',
      helmetAfterRoutes: 'Helmet is applied after {{what}} ({{where}}): Express runs middleware in registration order, so those responses go out without security headers. Move this app.use() above the first route.',
    },
    guideAnchor: 'security-headers#helmet',
    scope: 'project',
  },
  // an Express app, a Helmet call or the header itself is named in the file; tests, developer scripts and
  // usage examples serve no deployed app
  mayReport({ text, fileName, project }: RuleInput) {
    return !isTestFileName(fileName, project?.rootDir) && !isDeveloperFileName(fileName, project?.rootDir) && /express|helmet|x-powered-by/i.test(text);
  },
  // findings go on an app this file creates, or on a registration it makes (Helmet after a route)
  mayReportInTree: ({ facts }: ParsedFileInput) => placesAppFacts(facts),
  check(context: RuleContext) {
    if (!missingHelmet.mayReport?.(context)) return;
    const view = projectView(context);
    const options = helmetOptions(context);
    for (const app of view.graph.apps()) {
      if (!isJudged(app, view)) continue;
      const inThisFile = app.file === context.fileName;
      if (!inThisFile && !app.trace.some((e) => e.file === context.fileName)) continue;
      const assessment = assessApp(view.graph, app, options.middleware);
      if (inThisFile) reportAppCreation(context, view, app, assessment);
      reportOrder(context, assessment);
    }
  },
};
