import path = require('path');
import type { HeaderApp } from '../model/headers';
import type { FileFacts } from '../project/facts';
import { normalizeDistribution } from '../project/python-requirements';
import type { ParsedFileInput, RelatedSpec, Rule, RuleContext, RuleInput } from '../rule';
import { TALISMAN_DISTRIBUTIONS } from '../frameworks/flask/flask-headers';
import { assessApp, isJudgedApp, type AppAssessment } from './python-headers/app-protection';
import { checkDjangoSettings } from './python-headers/django-findings';
import { isNeverDeployed, pythonFactsView, type PythonFactsView } from './python-headers/python-facts-view';
import { talismanFix } from './python-headers/header-fixes';

const FRAMEWORK_NAME = { flask: 'Flask', fastapi: 'FastAPI', starlette: 'Starlette' } as const;

/** Where the protections that set some of the headers are, in this file or another. */
function related(context: RuleContext, assessment: AppAssessment): RelatedSpec[] {
  return assessment.found.flatMap((p): RelatedSpec[] => {
    const message = `${p.what} sets ${p.headers === 'all' ? 'the security headers' : p.headers.join(', ')} here`;
    if (p.file === context.fileName) return [{ message, startOffset: p.span.start, endOffset: p.span.end }];
    return p.range ? [{ message: `${message} (${path.basename(p.file)})`, fileName: p.file, range: p.range }] : [];
  });
}

/** Whether Flask-Talisman is installable per the requirements files, and the name the file imports it under. */
function talismanState(context: RuleContext, facts: FileFacts): { inRequirements: boolean; unknown: boolean; importedAs?: string } {
  const requirements = context.project?.requirementsFor?.(context.fileName);
  const inRequirements = !!requirements && TALISMAN_DISTRIBUTIONS.some((d) => requirements.dependencies.has(normalizeDistribution(d)));
  const importedAs = facts.headers?.imports.find((i) => i.module === 'flask_talisman' && i.imported === 'Talisman')?.name;
  return { inRequirements: inRequirements || !!importedAs, unknown: !requirements, importedAs };
}

function reportApp(context: RuleContext, view: PythonFactsView, app: HeaderApp, assessment: AppAssessment): void {
  if (assessment.full || !assessment.missing.length) return;
  const framework = FRAMEWORK_NAME[app.framework];
  const base = { startOffset: app.span.start, endOffset: app.span.end, related: related(context, assessment) };
  if (assessment.covered.size) {
    context.report({ ...base, messageId: 'partialHeaders', data: { framework, present: [...assessment.covered].join(', '), missing: assessment.missing.join(', ') } });
    return;
  }
  if (app.framework !== 'flask') {
    context.report({ ...base, messageId: 'asgiWithoutHeaders', data: { framework } });
    return;
  }
  const talisman = talismanState(context, view.current);
  const fix = talisman.inRequirements ? talismanFix(context.text, context.tree, app, talisman.importedAs) : undefined;
  const dependencyNote = talisman.inRequirements ? '' : ' Flask-Talisman is not in this project\'s requirements yet: add flask-talisman to them and run pip install flask-talisman.';
  context.report({ ...base, messageId: 'flaskWithoutHeaders', data: { dependencyNote }, fixes: fix ? [fix] : [] });
}

export const pythonSecurityHeaders: Rule = {
  meta: {
    id: 'python-security-headers',
    description: 'Python web apps without HTTP security headers: Django settings that leave SecurityMiddleware, HSTS, HTTPS redirects, secure cookies or DEBUG in an insecure state, Flask apps without Flask-Talisman or a header hook, FastAPI and Starlette apps without header middleware. Python only; Express apps are covered by missing-helmet.',
    defaultSeverity: 'warning',
    languages: ['python'],
    references: [
      { id: 'CWE-693', url: 'https://cwe.mitre.org/data/definitions/693.html' },
      { id: 'CWE-614', url: 'https://cwe.mitre.org/data/definitions/614.html' },
      { id: 'OWASP Secure Headers Project', url: 'https://owasp.org/www-project-secure-headers/' },
      { id: 'Django deployment checklist', url: 'https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/' },
      { id: 'OWASP A02:2025', url: 'https://owasp.org/Top10/2025/A02_2025-Security_Misconfiguration/' },
    ],
    messages: {
      flaskWithoutHeaders: 'This Flask app sends no HTTP security headers (Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options): neither Flask-Talisman nor an after_request hook that sets them is applied, so pages can be framed, sniffed and downgraded to HTTP. Apply Talisman(app) right after creating the app.{{dependencyNote}}',
      asgiWithoutHeaders: 'This {{framework}} app has no middleware that sets HTTP security headers (Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options), so its responses can be framed, sniffed and downgraded to HTTP. Add an @app.middleware("http") function that sets them on every response, or a header package such as secure or Secweb.',
      partialHeaders: 'This {{framework}} app sets only some security headers ({{present}}); {{missing}} are never sent. Set the missing ones in the same hook or middleware.',
      securityMiddlewareMissing: '{{setting}} does not include django.middleware.security.SecurityMiddleware, so SECURE_HSTS_SECONDS, SECURE_SSL_REDIRECT, SECURE_CONTENT_TYPE_NOSNIFF and the Referrer-Policy and Cross-Origin-Opener-Policy headers have no effect (manage.py check --deploy: security.W001). Add it as the first entry.',
      securityMiddlewareLate: 'SecurityMiddleware comes after {{before}}, which can answer a request by itself: those responses go out without the HTTPS redirect and the headers SecurityMiddleware adds. Move it to the top of {{setting}}.',
      debugInProduction: 'DEBUG = True in a settings module that is not a dev or test one: on an error Django then shows stack traces, settings and SQL to any visitor (manage.py check --deploy: security.W018). Read DEBUG from the environment, or keep True only in a dev settings file.',
      settingOff: '{{setting}} = {{value}} turns off {{what}} (manage.py check --deploy: {{checkId}}). {{advice}}',
      deploySettingsMissing: 'These deployment settings are left at Django\'s insecure defaults: {{missing}}. Set them in this settings module (or read them from the environment) before deploying; manage.py check --deploy reports the same ids.',
    },
    guideAnchor: 'security-headers#python',
    scope: 'project',
  },
  mayReport({ text, fileName, project }: RuleInput) {
    return !isNeverDeployed(fileName, project?.rootDir) && /Flask|FastAPI|Starlette|Quart|MIDDLEWARE|INSTALLED_APPS|SECURE_|DEBUG|_COOKIE_SECURE|X_FRAME_OPTIONS/.test(text);
  },
  // findings go on an app this file creates or on a setting this settings module writes (its own facts)
  mayReportInTree: ({ facts }: ParsedFileInput) => (facts.headers?.apps.length ?? 0) > 0 || facts.settings !== undefined,
  check(context: RuleContext) {
    if (!pythonSecurityHeaders.mayReport?.(context)) return;
    const view = pythonFactsView(context);
    for (const app of view.current.headers?.apps ?? []) {
      if (!isJudgedApp(view, view.current, app)) continue;
      reportApp(context, view, app, assessApp(view, view.current, app));
    }
    checkDjangoSettings(context, view);
  },
};
