import type { HeaderSpan, SettingAssignment } from '../../model/headers';
import type { FixSpec, RuleContext } from '../../rule';
import {
  SECURITY_MIDDLEWARE, XFRAME_MIDDLEWARE, deployedSettings, moduleSpan, respondingBeforeSecurity, usesCsrfMiddleware, usesSessions, type MergedSettings,
} from './django-settings';
import { addSecurityMiddlewareFix, enableSettingFix, moveSecurityMiddlewareFix } from './header-fixes';
import type { PythonFactsView } from './python-facts-view';

interface SettingsFinding {
  file: string;
  span: HeaderSpan;
  messageId: string;
  data: Record<string, string>;
  fix?: FixSpec;
  lowerSeverity?: boolean;
}

/** A setting that turns a protection off when written as this literal, with Django's check id and what to do. */
interface InsecureValue {
  setting: string;
  checkId: string;
  what: string;
  advice: string;
  isInsecure: (assignment: SettingAssignment) => boolean;
  /** The protection matters only when its feature is in use (sessions, the CSRF middleware, the clickjacking middleware). */
  applies?: (merged: MergedSettings) => boolean;
  fixable?: boolean;
}

const isFalse = (a: SettingAssignment) => a.value.kind === 'bool' && !a.value.value;

const INSECURE_VALUES: readonly InsecureValue[] = [
  { setting: 'SECURE_CONTENT_TYPE_NOSNIFF', checkId: 'security.W006', what: 'the X-Content-Type-Options: nosniff header, so browsers may run an uploaded file as a script', advice: 'Set it to True (the default since Django 3.0), or remove the line.', isInsecure: isFalse, fixable: true },
  { setting: 'SECURE_HSTS_SECONDS', checkId: 'security.W004', what: 'HTTP Strict Transport Security, so a first visit over plain HTTP can be intercepted', advice: 'Once every page is served over HTTPS, set a lasting value (start with 3600, then 31536000).', isInsecure: (a) => a.value.kind === 'number' && a.value.value === 0 },
  { setting: 'SECURE_SSL_REDIRECT', checkId: 'security.W008', what: 'the redirect from HTTP to HTTPS', advice: 'Set it to True, unless the load balancer or proxy in front of Django redirects to HTTPS.', isInsecure: isFalse },
  { setting: 'SESSION_COOKIE_SECURE', checkId: 'security.W012', what: 'the Secure flag of the session cookie, so it is also sent over plain HTTP where anyone on the network can read it', advice: 'Set it to True in production settings.', isInsecure: isFalse, applies: usesSessions, fixable: true },
  { setting: 'CSRF_COOKIE_SECURE', checkId: 'security.W016', what: 'the Secure flag of the CSRF cookie, so it is also sent over plain HTTP', advice: 'Set it to True in production settings.', isInsecure: isFalse, applies: usesCsrfMiddleware, fixable: true },
  {
    setting: 'X_FRAME_OPTIONS', checkId: 'security.W019', what: 'clickjacking protection: other sites may show these pages in a frame', advice: "Use 'DENY' (the default since Django 3.0), or 'SAMEORIGIN' when the site frames its own pages.",
    isInsecure: (a) => a.value.kind === 'string' && !/^(?:deny|sameorigin)$/i.test(a.value.value),
    applies: (m) => !m.middlewareNames || m.middlewareNames.includes(XFRAME_MIDDLEWARE),
  },
];

function middlewareFindings(merged: MergedSettings): SettingsFinding[] {
  const { middleware, middlewareNames: names } = merged;
  if (!middleware || !names) return [];
  const setting = middleware.value.setting;
  if (!names.includes(SECURITY_MIDDLEWARE)) {
    return [{ file: middleware.file, span: middleware.value.span, messageId: 'securityMiddlewareMissing', data: { setting } }];
  }
  const before = respondingBeforeSecurity(names);
  const entry = middleware.value.entries?.find((e) => e.name === SECURITY_MIDDLEWARE);
  if (!before || !entry) return [];
  return [{ file: middleware.file, span: entry.span, messageId: 'securityMiddlewareLate', data: { before: before.split('.').pop() ?? before, setting }, lowerSeverity: true }];
}

function valueFindings(merged: MergedSettings): SettingsFinding[] {
  const found: SettingsFinding[] = [];
  const debug = merged.settings.get('DEBUG');
  if (debug && !debug.value.conditional && debug.value.value.kind === 'bool' && debug.value.value.value) {
    found.push({ file: debug.file, span: debug.value.span, messageId: 'debugInProduction', data: {} });
  }
  for (const rule of INSECURE_VALUES) {
    const set = merged.settings.get(rule.setting);
    if (!set || set.value.conditional || !rule.isInsecure(set.value) || (rule.applies && !rule.applies(merged))) continue;
    const value = set.value.value.kind === 'string' ? `'${set.value.value.value}'` : String(set.value.value.kind === 'bool' ? (set.value.value.value ? 'True' : 'False') : set.value.value.kind === 'number' ? set.value.value.value : '');
    found.push({ file: set.file, span: set.value.span, messageId: 'settingOff', data: { setting: rule.setting, value, what: rule.what, checkId: rule.checkId, advice: rule.advice }, fix: rule.fixable ? enableSettingFix(rule.setting, set.value) : undefined });
  }
  return found;
}

/** The deployment settings a merged settings module leaves unset, with Django's check ids. */
function missingSettings(merged: MergedSettings): string[] {
  const missing: string[] = [];
  const unset = (name: string) => !merged.settings.has(name);
  const securityActive = !merged.middlewareNames || merged.middlewareNames.includes(SECURITY_MIDDLEWARE);
  if (securityActive && unset('SECURE_HSTS_SECONDS')) missing.push('SECURE_HSTS_SECONDS is not set (security.W004)');
  if (securityActive && unset('SECURE_SSL_REDIRECT')) missing.push('SECURE_SSL_REDIRECT is not set (security.W008)');
  if (usesSessions(merged) && unset('SESSION_COOKIE_SECURE')) missing.push('SESSION_COOKIE_SECURE is not set (security.W012)');
  if (usesCsrfMiddleware(merged) && unset('CSRF_COOKIE_SECURE')) missing.push('CSRF_COOKIE_SECURE is not set (security.W016)');
  if (merged.middlewareNames && !merged.middlewareNames.includes(XFRAME_MIDDLEWARE)) missing.push('XFrameOptionsMiddleware is not in MIDDLEWARE (security.W002)');
  return missing;
}

function missingFindings(merged: MergedSettings): SettingsFinding[] {
  // what a separately deployed base misses is reported on the base, where setting it fixes both
  const inBase = new Set(merged.deployedBase ? missingSettings(merged.deployedBase) : []);
  const missing = missingSettings(merged).filter((m) => !inBase.has(m));
  if (!missing.length) return [];
  return [{ file: merged.module.fileName, span: moduleSpan(merged), messageId: 'deploySettingsMissing', data: { missing: missing.join('; ') } }];
}

/** Reports what the deployed Django settings modules leave insecure, at the places in this file where it is written. */
export function checkDjangoSettings(context: RuleContext, view: PythonFactsView): void {
  // findings are shown where a setting is written: only in settings modules
  if (!view.current.settings) return;
  const reported = new Set<string>();
  for (const merged of deployedSettings(view)) {
    for (const finding of [...middlewareFindings(merged), ...valueFindings(merged), ...missingFindings(merged)]) {
      const key = `${finding.messageId}:${finding.span.start}`;
      if (finding.file !== context.fileName || reported.has(key)) continue;
      reported.add(key);
      const fix = finding.messageId === 'securityMiddlewareMissing' && merged.middleware
        ? addSecurityMiddlewareFix(context.text, merged.middleware.value)
        : finding.messageId === 'securityMiddlewareLate' && merged.middleware ? moveSecurityMiddlewareFix(context.text, merged.middleware.value) : finding.fix;
      context.report({ startOffset: finding.span.start, endOffset: finding.span.end, messageId: finding.messageId, data: finding.data, fixes: fix ? [fix] : [], lowerSeverity: finding.lowerSeverity });
    }
  }
}
