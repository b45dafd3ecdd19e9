import { wordsOf } from './auth-names';

/**
 * Which routes need an authentication or authorization check, and which are public by nature, as data.
 * `auth.sensitivePaths` and `auth.publicRoutes` in `.backendguide.yaml` extend these tables.
 */

/** Methods that change state: a route answering them needs a check unless it is public. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete', 'all']);

/** Path segments (or words in them) naming protected resources: a GET route under them needs a check. */
export const SENSITIVE_PATH_WORDS: readonly string[] = [
  'users', 'user', 'accounts', 'account', 'admin', 'administration', 'orders', 'order', 'payments', 'payment', 'billing', 'invoices', 'invoice',
  'settings', 'me', 'profile', 'dashboard', 'wallet', 'wallets', 'transactions', 'transaction', 'balance', 'transfers',
  'cart', 'checkout', 'subscriptions', 'subscription', 'apikeys', 'keys', 'tokens', 'secrets', 'private', 'internal', 'members',
  'customers', 'customer', 'employees', 'payroll', 'salary', 'messages', 'inbox', 'notifications',
];

/** Words in route parameter names (`:userId`, `:accountId`) that point at someone's data. */
export const SENSITIVE_PARAM_WORDS: ReadonlySet<string> = new Set(['user', 'account', 'owner', 'customer', 'member', 'employee', 'order', 'payment', 'invoice', 'wallet']);

/** Handler code that touches protected data or expects a signed-in user. */
export const SENSITIVE_HANDLER_CODE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\b(?:User|Users|Account|Accounts|Order|Orders|Payment|Payments|Invoice|Invoices|Transaction|Transactions|Customer|Customers|Profile|Profiles)\s*\.\s*(?:find\w*|get\w*|query|select|all|where|aggregate|count\w*|fetch\w*|list\w*)\s*\(/, what: 'user, account or order records' },
  { pattern: /\b(?:prisma|db|knex|models?)\s*\.\s*(?:users?|accounts?|orders?|payments?|invoices?|transactions?|customers?|profiles?)\b/, what: 'user, account or order records' },
  { pattern: /\b(?:collection|table|from)\s*\(\s*['"`](?:users?|accounts?|orders?|payments?|invoices?|transactions?|customers?|profiles?)['"`]/i, what: 'user, account or order records' },
  { pattern: /\bFROM\s+["'`]?(?:users?|accounts?|orders?|payments?|invoices?|transactions?|customers?|profiles?)\b/i, what: 'user, account or order records' },
  { pattern: /\b(?:users?|accounts?|orders?|payments?|profiles?)(?:Service|Repository|Repo|Dao|DAO|Model)\s*\.\s*\w+\s*\(/, what: 'user, account or order records' },
  { pattern: /\bpassword\b/i, what: 'password data' },
];

/** Last path segments of routes that must be reachable without logging in (sign-in flows, password reset). */
export const PUBLIC_AUTH_FLOW_SEGMENTS: ReadonlySet<string> = new Set([
  'login', 'logout', 'signin', 'signout', 'sign-in', 'sign-out', 'log-in', 'log-out', 'register', 'registration', 'signup', 'sign-up',
  'forgot', 'forgot-password', 'forgotpassword', 'forgotpw', 'forgot_password', 'reset', 'reset-password', 'resetpassword', 'resetpw', 'reset_password',
  'password-reset', 'verify-email', 'confirm-email', 'verify', 'confirm', 'activate', 'refresh', 'refresh-token', 'refresh-tokens', 'token',
  'callback', 'oauth', 'otp', 'magic-link', 'resend-verification', 'csrf-token', 'csrf',
]);

/** Word pairs that name a sign-in or recovery step inside a longer segment (`send-password-reset`, `verify-email`). */
export const PUBLIC_AUTH_FLOW_WORDS: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[] = [
  [new Set(['reset', 'forgot', 'forgotten', 'recover', 'recovery', 'lost']), new Set(['password', 'pw', 'pwd', 'pass'])],
  [new Set(['verify', 'verification', 'confirm', 'confirmation', 'activate', 'activation']), new Set(['email', 'account', 'phone'])],
  [new Set(['refresh']), new Set(['token', 'tokens', 'session'])],
  [new Set(['request', 'issue']), new Set(['token', 'session'])],
  // Resending a sign-up confirmation (`resend-link`, `resend-code`) serves whoever has not confirmed yet.
  [new Set(['resend']), new Set(['link', 'code', 'email', 'mail', 'confirmation', 'verification', 'activation'])],
  // On an invite-only site, asking for an invitation (`invite-request`, `request-invite`) is the sign-up step itself.
  [new Set(['request', 'ask']), new Set(['invite', 'invitation'])],
];

/** Handler names that are sign-in steps (`users.register`, `authController.login`). */
export const PUBLIC_HANDLER_WORDS: ReadonlySet<string> = new Set(['login', 'logout', 'signin', 'signout', 'signup', 'register', 'registration']);

/** Monitoring and documentation endpoints, public for GET/HEAD when nothing but an API prefix comes before them. */
export const PUBLIC_GET_SEGMENTS: ReadonlySet<string> = new Set([
  'health', 'healthz', 'healthcheck', 'health-check', 'status', 'ping', 'ready', 'readiness', 'readyz', 'liveness', 'live', 'livez', 'alive',
  'metrics', 'version', 'docs', 'api-docs', 'swagger', 'openapi', 'static', 'assets', 'public',
]);

/** Prefix segments allowed before a monitoring segment (`/api/v1/health`). */
export const API_PREFIX_SEGMENT = /^(?:api|rest|v\d+)$/i;

/** Segments marking webhook receivers: public only when the handler checks a signature. */
export const WEBHOOK_SEGMENT = /webhooks?|hooks?$/i;

/**
 * Path parameters that carry a secret: a signed value (`:signed_username`), a token, a signature or a named key
 * (`:ping_key`, `:api_key`). Whoever holds the link is the one it was given to: a capability link, public by design.
 */
const SECRET_PARAM = /^(?:signed_\w+|\w*token|signature|sig|secret|\w+_key)$/i;

/** The secret-carrying parameter of a path, if it has one (never under `admin`). */
export function capabilityParam(path: string): string | undefined {
  if (literalSegments(path).some((s) => /^admin(?:istration)?$/i.test(s))) return undefined;
  return paramSegments(path).find((p) => SECRET_PARAM.test(p));
}

export function literalSegments(path: string): string[] {
  return path.split('/').filter((s) => s && !s.startsWith(':') && s !== '*' && !s.startsWith('('));
}

export function paramSegments(path: string): string[] {
  return path.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1).replace(/\?$/, ''));
}

const SENSITIVE_WORD_SET: ReadonlySet<string> = new Set(SENSITIVE_PATH_WORDS);

/** The sensitive word a path contains (`/api/users/:id` → `users`), or `undefined`. */
export function sensitivePathWord(path: string, extra: readonly string[] = []): string | undefined {
  const words = extra.length ? new Set([...SENSITIVE_PATH_WORDS, ...extra.map((w) => w.toLowerCase())]) : SENSITIVE_WORD_SET;
  for (const segment of literalSegments(path)) {
    const lower = segment.toLowerCase();
    if (words.has(lower)) return segment;
    // In a compound segment the last word is what it names: `user-settings` is settings, `multi-user-mode` a mode.
    const segmentWords = wordsOf(segment);
    if (segmentWords.length && words.has(segmentWords[segmentWords.length - 1])) return segment;
  }
  const param = paramSegments(path).find((p) => wordsOf(p).some((w) => SENSITIVE_PARAM_WORDS.has(w)));
  return param ? `:${param}` : undefined;
}

/** Words of route parameters that are secrets the caller holds (`:token`, `:sessionId`): knowing one is the check. */
const CAPABILITY_PARAM_WORDS: ReadonlySet<string> = new Set(['token', 'secret', 'nonce', 'session']);
/** A parameter naming a public handle (`:username`), as a profile page is addressed. */
const PUBLIC_HANDLE_PARAM = /^:(?:user_?name|handle|login|screen_?name)\??$/i;

const AMBIGUOUS_FLOW_SEGMENTS: ReadonlySet<string> = new Set(['reset', 'verify', 'confirm', 'activate', 'token']);

/** Extensions of files served as they are (generated or static), never of an API resource. */
const STATIC_FILE = /\.(?:[a-z0-9]{2,5}\.)?(?:xml|gz|txt|html?|css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|pdf|webmanifest)$/i;

export const SIGN_IN_REASON = 'a sign-in or account recovery step';
export const SIGN_UP_REASON = 'sign-up: creating an account at the collection root';

/** Words that make any segment a sign-in step (`validate-otp`, `passkey-options`, `webauthn-register`). */
const SIGN_IN_WORDS: ReadonlySet<string> = new Set(['otp', 'login', 'signin', 'signup', 'passkey', 'passkeys', 'webauthn', 'magic', 'sso', 'saml', 'oidc']);
const SIGN_IN_PAGE = /^(?:login|logout|signin|signup|signout|register|registration)(?:form|page|submit|action|process)$/;
/** `POST /users`, `POST /v1/account`: creating an account at the collection root is how visitors sign up. */
const ACCOUNT_COLLECTIONS: ReadonlySet<string> = new Set(['users', 'user', 'accounts', 'account', 'members', 'signups']);
/** Segments under which a POST registers a new account (`/register/customer`, `/signup/seller`). */
const SIGN_UP_SEGMENTS: ReadonlySet<string> = new Set(['register', 'registration', 'signup', 'sign-up']);
/** Kinds of account a sign-up creates. */
const ACCOUNT_KINDS: ReadonlySet<string> = new Set([...ACCOUNT_COLLECTIONS, 'customer', 'customers', 'seller', 'sellers', 'vendor', 'vendors', 'member']);
/** Forms anyone may post: they send a message to the operator and change nothing else. */
const VISITOR_FORMS: ReadonlySet<string> = new Set(['contact', 'support', 'feedback', 'report', 'newsletter', 'subscribe', 'unsubscribe']);

/** Why a path is public by nature, or `undefined`. Paths under `admin` are never public. */
export function publicPathReason(path: string, methods: readonly string[]): string | undefined {
  const literals = literalSegments(path).map((s) => s.toLowerCase());
  // The last segment as written, parameters included: `/sitemap/:bucket.xml.gz` is a file whatever its name.
  const rawLast = path.split('/').filter(Boolean).pop() ?? '';
  if (literals.some((s) => s === 'admin' || s === 'administration')) return undefined;
  const last = literals[literals.length - 1];
  if (last === undefined) return undefined;
  // `reset`, `verify` and the like name a sign-in step when a token rides along or the form is posted; a bare
  // `GET /reset` is as likely to reset data.
  const ambiguous = AMBIGUOUS_FLOW_SEGMENTS.has(last) && paramSegments(path).length === 0 && methods.every((m) => m === 'get' || m === 'head');
  if (PUBLIC_AUTH_FLOW_SEGMENTS.has(last) && !ambiguous) return SIGN_IN_REASON;
  const words = wordsOf(last);
  if (PUBLIC_AUTH_FLOW_WORDS.some(([a, b]) => words.some((w) => a.has(w)) && words.some((w) => b.has(w)))) return SIGN_IN_REASON;
  if (words.some((w) => SIGN_IN_WORDS.has(w))) return SIGN_IN_REASON;
  // `registerform`, `loginpage`: a sign-in step's page or form, written as one word.
  if (SIGN_IN_PAGE.test(last)) return SIGN_IN_REASON;
  const posts = methods.length > 0 && methods.every((m) => m === 'post');
  const readOnly = methods.every((m) => m === 'get' || m === 'head' || m === 'options');
  const bareCollection = paramSegments(path).length === 0 && path.replace(/\/+$/, '').toLowerCase().endsWith(last);
  if (posts && bareCollection && ACCOUNT_COLLECTIONS.has(last)) return SIGN_UP_REASON;
  // `POST /register/customer`: registering an account of a kind is signing up.
  if (posts && bareCollection && ACCOUNT_KINDS.has(last) && SIGN_UP_SEGMENTS.has(literals[literals.length - 2] ?? '')) return SIGN_UP_REASON;
  // `POST /sessions` creates a session: signing in, in REST's words.
  if (posts && bareCollection && (last === 'session' || last === 'sessions')) return SIGN_IN_REASON;
  // `POST /auth/plex`, `POST /auth/google`: signing in with a provider (one word), under the auth prefix.
  if (posts && bareCollection && literals[literals.length - 2] === 'auth' && /^[a-z0-9]+$/.test(last) && !SENSITIVE_WORD_SET.has(last)) return SIGN_IN_REASON;
  const capability = paramSegments(path).find((p) => wordsOf(p).some((w) => CAPABILITY_PARAM_WORDS.has(w)));
  if (capability && !paramSegments(path).some((p) => wordsOf(p).some((w) => SENSITIVE_PARAM_WORDS.has(w)))) return `a link that carries its own secret (:${capability})`;
  if (readOnly && PUBLIC_HANDLE_PARAM.test(rawLast) && /^profiles?$/.test(literals[literals.length - 1] ?? '')) return 'a public profile, looked up by the handle others see';
  if (posts && VISITOR_FORMS.has(last)) return 'a form visitors send (contact, support, feedback, abuse report)';
  if (STATIC_FILE.test(rawLast) && methods.every((m) => m === 'get' || m === 'head')) return 'a static file';
  if (readOnly && literals.includes('.well-known')) return 'a well-known URI (RFC 8615), published for anyone to read';
  if (readOnly && PUBLIC_GET_SEGMENTS.has(last) && literals.slice(0, -1).every((s) => API_PREFIX_SEGMENT.test(s))) return 'a monitoring or documentation endpoint';
  if (readOnly && literals.some((s) => s === 'static' || s === 'assets' || s === 'public')) return 'static assets';
  return undefined;
}

/** True when a handler's own name says it is a sign-in step (`users.register`), outside admin paths. */
export function isSignInHandlerName(handlerName: string, path: string): boolean {
  const last = handlerName.split('.').pop() ?? '';
  const words = wordsOf(last);
  const joined = words.join('');
  const signIn = words.some((w) => PUBLIC_HANDLER_WORDS.has(w)) || PUBLIC_HANDLER_WORDS.has(joined) || ['signin', 'signup', 'signout', 'login', 'logout'].some((w) => joined.includes(w));
  return signIn && !literalSegments(path).some((s) => /^admin/i.test(s));
}

export function isWebhookPath(path: string): boolean {
  return literalSegments(path).some((s) => WEBHOOK_SEGMENT.test(s));
}
