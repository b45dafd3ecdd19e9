/**
 * Middleware that sets HTTP security headers, as data: Helmet and its individual middlewares, the older
 * standalone packages Helmet was assembled from, and lusca's header middlewares.
 */

import { MAIN_HEADERS, type SecurityHeader } from '../../model/headers';

export { MAIN_HEADERS, type SecurityHeader };

export interface HeaderMiddleware {
  /** npm package the middleware comes from. */
  package: string;
  /** Property path of the middleware factory in the package (`[]` for the package's own export). */
  member: readonly string[];
  /** Headers it sets; `all` for Helmet itself. */
  headers: readonly SecurityHeader[] | 'all';
}

const helmetPart = (member: string, ...headers: SecurityHeader[]): HeaderMiddleware => ({ package: 'helmet', member: [member], headers });

export const HEADER_MIDDLEWARE: readonly HeaderMiddleware[] = [
  { package: 'helmet', member: [], headers: 'all' },
  { package: 'helmet', member: ['default'], headers: 'all' },
  helmetPart('contentSecurityPolicy', 'Content-Security-Policy'),
  helmetPart('hsts', 'Strict-Transport-Security'),
  helmetPart('strictTransportSecurity', 'Strict-Transport-Security'),
  helmetPart('noSniff', 'X-Content-Type-Options'),
  helmetPart('xContentTypeOptions', 'X-Content-Type-Options'),
  helmetPart('frameguard', 'X-Frame-Options'),
  helmetPart('xFrameOptions', 'X-Frame-Options'),
  helmetPart('referrerPolicy', 'Referrer-Policy'),
  helmetPart('crossOriginOpenerPolicy', 'Cross-Origin-Opener-Policy'),
  helmetPart('crossOriginResourcePolicy', 'Cross-Origin-Resource-Policy'),
  helmetPart('crossOriginEmbedderPolicy', 'Cross-Origin-Embedder-Policy'),
  helmetPart('originAgentCluster', 'Origin-Agent-Cluster'),
  helmetPart('dnsPrefetchControl', 'X-DNS-Prefetch-Control'),
  helmetPart('xDnsPrefetchControl', 'X-DNS-Prefetch-Control'),
  helmetPart('ieNoOpen', 'X-Download-Options'),
  helmetPart('xDownloadOptions', 'X-Download-Options'),
  helmetPart('permittedCrossDomainPolicies', 'X-Permitted-Cross-Domain-Policies'),
  helmetPart('xPermittedCrossDomainPolicies', 'X-Permitted-Cross-Domain-Policies'),
  helmetPart('xssFilter', 'X-XSS-Protection'),
  helmetPart('xXssProtection', 'X-XSS-Protection'),
  { package: 'helmet-csp', member: [], headers: ['Content-Security-Policy'] },
  { package: 'hsts', member: [], headers: ['Strict-Transport-Security'] },
  { package: 'frameguard', member: [], headers: ['X-Frame-Options'] },
  { package: 'dont-sniff-mimetype', member: [], headers: ['X-Content-Type-Options'] },
  { package: 'referrer-policy', member: [], headers: ['Referrer-Policy'] },
  { package: 'x-xss-protection', member: [], headers: ['X-XSS-Protection'] },
  { package: 'lusca', member: ['csp'], headers: ['Content-Security-Policy'] },
  { package: 'lusca', member: ['hsts'], headers: ['Strict-Transport-Security'] },
  { package: 'lusca', member: ['xframe'], headers: ['X-Frame-Options'] },
  { package: 'lusca', member: ['nosniff'], headers: ['X-Content-Type-Options'] },
  { package: 'lusca', member: ['referrerPolicy'], headers: ['Referrer-Policy'] },
  { package: 'lusca', member: ['xssProtection'], headers: ['X-XSS-Protection'] },
];

/** Headers set by calling a package's member (`helmet()`, `helmet.hsts()`), or `undefined` when it sets none. */
export function headersOfPackageCall(packageName: string, member: readonly string[]): readonly SecurityHeader[] | 'all' | undefined {
  const entry = HEADER_MIDDLEWARE.find((m) => m.package === packageName && m.member.length === member.length && m.member.every((p, i) => p === member[i]));
  return entry?.headers;
}

const MANUAL_HEADER = /\.\s*(?:setHeader|set|header)\s*\(\s*['"`]([A-Za-z-]+)['"`]/g;

/** Main headers a hand-written middleware sets (`res.setHeader('X-Frame-Options', 'DENY')`). */
export function headersSetInCode(code: string): SecurityHeader[] {
  const found = new Set<SecurityHeader>();
  for (const match of code.matchAll(MANUAL_HEADER)) {
    const header = MAIN_HEADERS.find((h) => h.toLowerCase() === match[1].toLowerCase());
    if (header) found.add(header);
  }
  return [...found];
}

/** Packages whose middleware serves files, so it answers requests like a route does. */
export const STATIC_MIDDLEWARE: readonly { package: string; member: readonly string[] }[] = [
  { package: 'express', member: ['static'] },
  { package: 'serve-static', member: [] },
];
