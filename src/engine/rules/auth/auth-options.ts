import { optionsSection, stringList, type EngineConfig } from '../../config';
import { PathAutomaton } from '../../path-automaton';

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
  /** Whether a lower-case path matches; linear in the path and the pattern, whatever the pattern. */
  matchesPath: (lowerCasePath: string) => boolean;
  source: string;
}

/** Adds the moves of one path segment after its `/` (the segment is not empty): `*` within it is any run of characters but `/`. */
function addSegment(automaton: PathAutomaton, segment: string, from: number): number {
  let at = automaton.addMove(from, '/');
  if (segment === '*' || segment.startsWith(':')) {
    const inSegment = automaton.addMove(at, 'segment-char');
    return automaton.addMove(inSegment, 'segment-char', inSegment);
  }
  for (const c of segment) {
    if (c === '*') {
      const loop = automaton.addState();
      automaton.addEmpty(at, loop);
      automaton.addMove(loop, 'segment-char', loop);
      at = loop;
    } else {
      at = automaton.addMove(at, c);
    }
  }
  return at;
}

/**
 * Route globs: `*` matches one path segment, `**` any number of segments, `:name` one segment; a leading
 * method list limits the pattern (`POST /contact`, `GET,HEAD /status`). Case is ignored and a trailing `/`
 * is optional.
 */
export function parseRoutePattern(source: string): RoutePattern | undefined {
  const match = /^\s*(?:([A-Za-z,]+)\s+)?(\/\S*)\s*$/.exec(source);
  if (!match) return undefined;
  const methods = match[1] ? match[1].split(',').map((m) => m.trim().toLowerCase()).filter((m) => m) : [];
  const automaton = new PathAutomaton();
  let at = automaton.start;
  for (const segment of match[2].toLowerCase().split('/').filter((s) => s)) {
    if (segment === '**') {
      // any number of `/segment`, none included
      const loop = automaton.addState();
      automaton.addEmpty(at, loop);
      const segmentEnd = addSegment(automaton, '*', loop);
      automaton.addEmpty(segmentEnd, loop);
      at = loop;
    } else {
      at = addSegment(automaton, segment, at);
    }
  }
  const accept = automaton.addState();
  automaton.addEmpty(at, accept);
  automaton.addMove(at, '/', accept);
  return { methods, matchesPath: (path) => automaton.matches(path, accept), source };
}

export function matchesRoutePattern(pattern: RoutePattern, methods: readonly string[], path: string): boolean {
  if (pattern.methods.length && !methods.some((m) => pattern.methods.includes(m))) return false;
  return pattern.matchesPath(path.toLowerCase());
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
