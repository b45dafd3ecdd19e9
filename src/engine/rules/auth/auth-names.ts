/**
 * What counts as an authentication or authorization middleware, by name. Names are compared after
 * lower-casing and dropping `_`, `-` and `$`; the last segment of a dotted name is what a middleware is
 * usually called (`passportConfig.isAuthenticated`, `authJwt.verifyToken`).
 */

/** Middleware names (and dotted names) that check who the caller is or what they may do. Extended by `auth.middleware`. */
export const DEFAULT_AUTH_MIDDLEWARE: readonly string[] = [
  'passport.authenticate', 'keycloak.protect', 'requireAuth', 'requiresAuth', 'isAuthenticated', 'ensureAuthenticated', 'ensureLoggedIn',
  'authenticate', 'authorize', 'checkJwt', 'expressjwt', 'expressJwt', 'jwt', 'koaJwt', 'verifyToken', 'verifyJwt', 'auth', 'protect',
  'requireLogin', 'requiresLogin', 'isLoggedIn', 'isAdmin', 'hasRole', 'requireRole', 'requireAdmin', 'restrictTo', 'authenticateToken',
  'authenticateJwt', 'checkAuth', 'isAuth', 'authRequired', 'loginRequired', 'authMiddleware', 'jwtMiddleware', 'checkRole',
  'checkPermission', 'hasPermission', 'requirePermission', 'permit', 'guard', 'validateToken', 'verifySession', 'requireUser', 'withAuth',
];

/** Words that turn a name into the opposite of a check (`optionalAuth`, `isNotAuthenticated`). */
export const NEGATING_WORDS: ReadonlySet<string> = new Set(['not', 'optional', 'anonymous', 'guest', 'skip', 'public', 'maybe', 'unless', 'soft', 'without']);

/** Words that on their own name an auth concern (`authGuard`, `verifyJWTAndLevel`, `aclCheck`). */
export const AUTH_WORDS: ReadonlySet<string> = new Set([
  'auth', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized', 'authorization', 'authn', 'authz', 'jwt', 'acl', 'rbac', 'guard', 'guarded',
  'deny', 'forbid',
]);

/** Words marking things that are not middleware checks even when they mention auth (`authController`, `authLimiter`). */
export const NON_CHECK_WORDS: ReadonlySet<string> = new Set([
  'controller', 'controllers', 'ctrl', 'route', 'routes', 'router', 'service', 'validation', 'validator', 'schema', 'limiter', 'limit', 'rate',
  'model', 'dto', 'docs', 'callback', 'logout', 'signup', 'register', 'refresh', 'config', 'options', 'strategy',
]);

/** A verb and an object that together name a check: `requireLogin`, `ensureLoggedIn`, `isAdmin`, `hasRole`, `adminOnly`. */
export const CHECK_VERBS: ReadonlySet<string> = new Set(['require', 'requires', 'ensure', 'check', 'verify', 'is', 'has', 'must', 'needs', 'only', 'restrict', 'can', 'validate', 'valid']);
export const IDENTITY_OBJECTS: ReadonlySet<string> = new Set(['login', 'loggedin', 'logged', 'signedin', 'signed', 'authenticated', 'session', 'token', 'user', 'member']);
export const PRIVILEGE_OBJECTS: ReadonlySet<string> = new Set(['admin', 'role', 'roles', 'permission', 'permissions', 'scope', 'scopes', 'owner', 'access', 'privilege', 'privileges', 'staff', 'superuser']);
/** `validate` only counts with a credential (`validateToken`), not with data it might validate (`validateUser`). */
const VALIDATED_CREDENTIALS: ReadonlySet<string> = new Set(['token', 'session', 'jwt', 'apikey', 'api', 'key', 'credentials', 'signature']);

/** Members that are checks when the object is an auth module: `auth.required`, `keycloak.protect()`, `AuthMiddleware.verify`. */
export const GENERIC_CHECK_MEMBERS: ReadonlySet<string> = new Set(['required', 'require', 'protect', 'check', 'verify', 'ensure', 'authenticate', 'authorize', 'middleware', 'guard', 'validate', 'handle', 'isauthenticated']);
export const AUTH_OBJECT_WORDS: ReadonlySet<string> = new Set([...AUTH_WORDS, 'passport', 'session', 'keycloak', 'token', 'permission', 'permissions', 'role', 'roles', 'security']);

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_\-$\s]/g, '');
}

/** Words of an identifier: `ensureLoggedIn` → `ensure logged in`, `verify_JWT` → `verify jwt`. */
export function wordsOf(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter((w) => w);
}

function joinedLoggedIn(words: string[]): string[] {
  const joined = [...words];
  words.forEach((w, i) => { if ((w === 'logged' || w === 'signed') && words[i + 1] === 'in') joined.push(`${w}in`); });
  return joined;
}

function nameCheck(words: string[]): boolean {
  const all = joinedLoggedIn(words);
  if (all.some((w) => NON_CHECK_WORDS.has(w))) return false;
  if (all.some((w) => AUTH_WORDS.has(w))) return true;
  const verbs = all.filter((w) => CHECK_VERBS.has(w));
  if (!verbs.length) return false;
  const validateOnly = verbs.every((v) => v === 'validate' || v === 'valid');
  if (validateOnly) return all.some((w) => VALIDATED_CREDENTIALS.has(w));
  return all.some((w) => IDENTITY_OBJECTS.has(w) || PRIVILEGE_OBJECTS.has(w));
}

/**
 * A matcher for middleware names that name an authentication or authorization check; `extra` are the
 * configured names (`auth.middleware`), matched exactly. Build it once per analysis and reuse it.
 */
export function authNameMatcher(extra: readonly string[] = []): (name: string) => boolean {
  const known = new Set([...DEFAULT_AUTH_MIDDLEWARE, ...extra].map(normalizeName));
  return (name) => {
    const segments = name.replace(/^this\./, '').split('.').filter((s) => s);
    const last = segments[segments.length - 1];
    if (!last) return false;
    const lastWords = wordsOf(last);
    if (lastWords.some((w) => NEGATING_WORDS.has(w))) return false;
    if (known.has(normalizeName(segments.join('.'))) || known.has(normalizeName(last))) return true;
    if (nameCheck(lastWords)) return true;
    if (segments.length > 1 && GENERIC_CHECK_MEMBERS.has(normalizeName(last))) {
      return segments.slice(0, -1).some((s) => wordsOf(s).some((w) => AUTH_OBJECT_WORDS.has(w)));
    }
    return false;
  };
}

/** True when a (possibly dotted) middleware name names an authentication or authorization check. */
export function isAuthMiddlewareName(name: string, extra: readonly string[] = []): boolean {
  return authNameMatcher(extra)(name);
}
