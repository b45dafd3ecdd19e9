import { optionsSection, stringList, type EngineConfig } from '../../config';

/**
 * Options of the `auth` section of `.backendguide.yaml`:
 *   auth:
 *     middleware: [requireSession, acl.check]        # extra names that count as auth middleware or Nest guards
 *     publicRoutes: ['POST /contact', '/api/public/**']  # routes that are public on purpose
 *     sensitivePaths: [reports, '/api/exports/**']   # GET routes that need a check too
 */
export interface AuthOptions {
  middleware: string[];
  publicRoutes: RoutePattern[];
  sensitiveWords: string[];
  sensitivePatterns: RoutePattern[];
}

export interface RoutePattern {
  /** Lower-case methods the pattern is limited to; empty for any method. */
  methods: string[];
  path: RegExp;
  source: string;
}

/**
 * Route globs: `*` matches one path segment, `**` any number of segments, `:name` one segment; a leading
 * method list limits the pattern (`POST /contact`, `GET,HEAD /status`).
 */
export function parseRoutePattern(source: string): RoutePattern | undefined {
  const match = /^\s*(?:([A-Za-z,]+)\s+)?(\/\S*)\s*$/.exec(source);
  if (!match) return undefined;
  const methods = match[1] ? match[1].split(',').map((m) => m.trim().toLowerCase()).filter((m) => m) : [];
  const body = match[2].replace(/\/+$/, '') || '/';
  let regex = '';
  for (const segment of body.split('/').filter((s) => s)) {
    if (segment === '**') regex += '(?:/[^/]+)*';
    else if (segment === '*' || segment.startsWith(':')) regex += '/[^/]+';
    else regex += `/${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}`;
  }
  return { methods, path: new RegExp(`^${regex || '/'}/?$`, 'i'), source };
}

export function matchesRoutePattern(pattern: RoutePattern, methods: readonly string[], path: string): boolean {
  if (pattern.methods.length && !methods.some((m) => pattern.methods.includes(m))) return false;
  return pattern.path.test(path);
}

export function authOptions(config: EngineConfig): AuthOptions {
  const section = optionsSection(config, 'auth');
  const sensitive = stringList(section, 'sensitivePaths');
  return {
    middleware: stringList(section, 'middleware'),
    publicRoutes: stringList(section, 'publicRoutes').map(parseRoutePattern).filter((p): p is RoutePattern => !!p),
    sensitiveWords: sensitive.filter((s) => !s.includes('/')),
    sensitivePatterns: sensitive.filter((s) => s.includes('/')).map(parseRoutePattern).filter((p): p is RoutePattern => !!p),
  };
}
