import { wordsOf } from './auth-names';
import type { AuthOptions } from './auth-options';
import { matchesRoutePattern } from './auth-options';
import { hasSignatureCheck, onlyResponds, writesData } from './handler-checks';
import { answersAvailability, changesOnlyOwnSession, limitsByAddress, refusesOnceSetUp, servesOnlyInMockMode } from './handler-effects';
import { capabilityParam, isSignInHandlerName, isWebhookPath, publicPathReason, SIGN_IN_REASON, SENSITIVE_HANDLER_CODE, SENSITIVE_PATH_WORDS, sensitivePathWord, STATE_CHANGING_METHODS } from './route-tables';

/** A route as the policy sees it, whatever the framework. */
export interface RouteDescription {
  methods: readonly string[];
  fullPath: string;
  /** Reason from a `// backend-guide-public: <reason>` comment. */
  publicReason?: string;
  /** Dotted name of the handler (`userController.getUsers`), when it is a reference. */
  handlerName?: string;
  /** Source of the handler, when the graph found it. */
  handlerCode?: string;
  /** The route lists a directory and serves its files (`app.use('/ftp', serveIndex('ftp'))`). */
  listsDirectory?: boolean;
}

/** Whether a route needs an authentication or authorization check, and why. */
export type RouteNeed =
  | { kind: 'public'; reason: string; signIn?: boolean }
  | { kind: 'none'; reason: string }
  | { kind: 'state-changing' }
  | { kind: 'sensitive'; what: string }
  | { kind: 'webhook' }
  /** An admin route that only a sign-in check guards. */
  | { kind: 'admin' }
  /** A signed-in-only route acting on the user in its path (`:param`) where `checked` of `of` such routes of its file check the caller. */
  | { kind: 'ownership'; param: string; checked: number; of: number };

const SENSITIVE_NAME_WORDS = new Set(SENSITIVE_PATH_WORDS.filter((w) => w !== 'me' && w !== 'keys'));

function sensitiveRead(route: RouteDescription, options: AuthOptions): string | undefined {
  const word = sensitivePathWord(route.fullPath, options.sensitiveWords);
  if (word) return `${word.startsWith(':') ? 'records chosen by ' : ''}${word.startsWith(':') ? word : `/${word}`}${word.startsWith(':') ? '' : ' data'}`;
  if (options.sensitivePatterns.some((p) => matchesRoutePattern(p, route.methods, route.fullPath))) return 'a path configured as sensitive';
  const nameWord = route.handlerName ? wordsOf(route.handlerName).find((w) => SENSITIVE_NAME_WORDS.has(w)) : undefined;
  if (nameWord) return `${nameWord} data (handler ${route.handlerName})`;
  if (route.handlerCode) return SENSITIVE_HANDLER_CODE.find((s) => s.pattern.test(route.handlerCode!))?.what;
  return undefined;
}

/**
 * What the handler does decides where the method misleads: one that only answers (405, a redirect, an
 * echo), answers a yes or no, or clears the caller's own session changes nothing of anyone's; a first-run
 * setup step or an endpoint rate-limited per address is built for callers who cannot have signed in.
 */
function handlerEffect(fullPath: string, code: string): RouteNeed | undefined {
  if (refusesOnceSetUp(code)) return { kind: 'public', reason: 'first-run setup: the handler refuses once the instance has a user or is set up' };
  if (limitsByAddress(code)) return { kind: 'public', reason: 'built for anonymous callers: the handler rate-limits them by network address' };
  if (servesOnlyInMockMode(code)) return { kind: 'none', reason: 'a development mock: the handler answers 404 unless mock mode is on' };
  if (onlyResponds(code)) return { kind: 'none', reason: 'the handler only answers: it changes and reads no data' };
  if (answersAvailability(fullPath, code)) return { kind: 'none', reason: 'an availability check: the handler answers whether a name is free and writes nothing' };
  if (changesOnlyOwnSession(code)) return { kind: 'none', reason: "the handler changes only the caller's own session" };
  return undefined;
}

/**
 * The policy: state-changing methods need a check; GET routes need one when their path, parameters or
 * handler touch sensitive resources; sign-in flows, health checks, static files, routes marked public (by
 * comment or `auth.publicRoutes`) and webhooks that verify a signature do not.
 */
export function routeNeed(route: RouteDescription, options: AuthOptions): RouteNeed {
  if (route.publicReason) return { kind: 'public', reason: route.publicReason };
  const configured = options.publicRoutes.find((p) => matchesRoutePattern(p, route.methods, route.fullPath));
  if (configured) return { kind: 'public', reason: `auth.publicRoutes: ${configured.source}` };
  const changing = route.methods.some((m) => STATE_CHANGING_METHODS.has(m));
  if (route.methods.length && route.methods.every((m) => m === 'head' || m === 'options')) return { kind: 'none', reason: 'HEAD and OPTIONS answers carry no body' };
  if (isWebhookPath(route.fullPath)) {
    if (route.handlerCode && hasSignatureCheck(route.handlerCode)) return { kind: 'public', reason: 'a webhook that verifies its signature' };
    if (changing) return { kind: 'webhook' };
  }
  const publicReason = publicPathReason(route.fullPath, route.methods);
  if (publicReason) return { kind: 'public', reason: publicReason, signIn: publicReason === SIGN_IN_REASON };
  if (route.handlerName && isSignInHandlerName(route.handlerName, route.fullPath)) return { kind: 'public', reason: `a sign-in step (handler ${route.handlerName})`, signIn: true };
  const secret = capabilityParam(route.fullPath);
  if (secret) return { kind: 'public', reason: `a capability link: the URL carries a secret (:${secret}), so only whoever was given it can call the route` };
  // A directory listing reveals every file under it, whatever the files are.
  if (route.listsDirectory) return { kind: 'sensitive', what: 'a directory listing (every file under it)' };
  const effect = route.handlerCode ? handlerEffect(route.fullPath, route.handlerCode) : undefined;
  if (effect) return effect;
  if (changing) return { kind: 'state-changing' };
  if (route.handlerCode && writesData(route.handlerCode)) return { kind: 'state-changing' };
  const what = sensitiveRead(route, options);
  return what ? { kind: 'sensitive', what } : { kind: 'none', reason: 'a read of nothing marked sensitive' };
}
