import { checksSession, LOGIN_REDIRECT } from './session-checks';

/**
 * Checks written inside a handler (or a hand-written middleware) instead of a named middleware:
 * code that reads who the caller is and ends the request when that fails, or that verifies a credential
 * with a call that throws on failure.
 */

/** Reads of the caller's identity or privileges, as conditions. */
export const IDENTITY_CHECKS: readonly RegExp[] = [
  /\b(?:req|request|ctx)\s*\.\s*isAuthenticated\s*\(/,
  /!\s*(?:req|request)\s*\.\s*(?:user|auth|userId|currentUser|session)\b/,
  /\b(?:req|request)\s*\.\s*(?:user|auth)\s*(?:===?|!==?)\s*(?:null|undefined)\b/,
  /!\s*(?:req|request|ctx)\s*\.\s*session\s*(?:\?\.|\.)\s*(?:user|userId|user_id|uid|username|loggedIn|isLoggedIn|authenticated|account|accountId|passport)\b/,
  /!\s*ctx\s*\.\s*state\s*\.\s*user\b/,
  /\b(?:req|request|ctx\s*\.\s*state)\s*\.\s*user\s*(?:\?\.|\.)\s*(?:role|roles|isAdmin|admin|permissions|scope|scopes)\b/,
  // the caller's session or token cookie, looked up (`authenticatedUsers.get(req.cookies.token)`)
  /\b(?:req|request|ctx)\s*\.\s*(?:cookies|signedCookies)\s*(?:\.\s*\w*(?:token|session|auth|jwt|sid)\w*\b|\[\s*['"`]\w*(?:token|session|auth|jwt|sid)\w*['"`]\s*\])/i,
  /\b(?:req|request|ctx)\s*\.\s*(?:headers|header|get)\s*(?:\.\s*authorization\b|\[\s*['"`]authorization['"`]\s*\]|\(\s*['"`]authorization['"`]\s*\))/i,
];

/**
 * Calls that verify a credential the caller presents and throw (or reject) when it is invalid; a handler
 * that compares a secret from the request (a link password, a reset token) is protected by that secret.
 */
export const VERIFYING_CALLS: readonly RegExp[] = [
  /\b(?:bcrypt|bcryptjs|argon2)\s*\.\s*(?:compare|compareSync|verify)\s*\(/,
  /\b(?:reset_?password_?token|password_?reset_?token|reset_?token|verification_?token|invite_?token)\b/i,
  /\bjwt\s*\.\s*verify\s*\(/,
  /\b(?:req|request)\s*\.\s*jwtVerify\s*\(/,
  /\bverifyIdToken\s*\(/,
  /\b(?:check|verify|compare|validate)_?Passw(?:or)?d\w*\s*\(/i,
  /\bpassport\s*\.\s*authenticate\s*\(/,
];

/** Ways a check ends the request when it fails. */
export const REQUEST_ENDINGS: readonly RegExp[] = [
  /\b40[13]\b/,
  /\bUnauthori[sz]ed\b/i,
  /\bForbidden\b/i,
  LOGIN_REDIRECT,
  /\bctx\s*\.\s*throw\s*\(/,
  /\bnext\s*\(\s*new\s+\w*Error\b/,
  /\bthrow\b/,
];

/** True when the code checks the caller and ends the request on failure. */
export function hasInHandlerCheck(code: string): boolean {
  if (VERIFYING_CALLS.some((p) => p.test(code))) return true;
  if (IDENTITY_CHECKS.some((p) => p.test(code)) && REQUEST_ENDINGS.some((p) => p.test(code))) return true;
  return checksSession(code);
}

/** How a middleware refuses a caller: a 401/403 answer, an auth error, or a redirect to a log-in page. */
const REFUSALS: readonly RegExp[] = [
  /\b(?:status|sendStatus|code|throw|HttpError|createError|HTTPException)\s*\(\s*40[13]\b/,
  /\bstatus(?:Code)?\s*[:=]\s*40[13]\b/,
  /\bnew\s+\w*(?:Unauthori[sz]ed|Forbidden|Authentication|Authori[sz]ation|NotAuthenticated|PermissionDenied)\w*(?:Error|Exception)\s*\(/,
  LOGIN_REDIRECT,
];

/**
 * True when code in a middleware position refuses callers: answering 401 or 403, throwing an auth error
 * or redirecting to log in is what an auth middleware does, whatever it is called.
 */
export function rejectsCaller(code: string): boolean {
  if (REFUSALS.some((p) => p.test(code))) return true;
  // A middleware that verifies a signed request and answers a 4xx otherwise authenticates the sender.
  return hasSignatureCheck(code) && /\b(?:status|sendStatus)\s*\(\s*4\d\d\b/.test(code);
}

/**
 * Ways a middleware can stop a request: answer it, throw, pass an error on (`next(err)`), or hand the
 * response to another function that may answer (`passport.authenticate('jwt')(req, res, next)`). A
 * middleware with none of these always goes on to the next layer, so it cannot keep anyone out.
 */
const REQUEST_STOPS: readonly RegExp[] = [
  /\b(?:res|response|reply|h)\s*\.\s*(?:status|sendStatus|send|json|end|redirect|render|code|writeHead|response)\s*\(/,
  /\bthrow\b/,
  /\bnext\s*\(\s*[^)\s]/,
  /\bctx\s*\.\s*(?:throw|redirect|assert)\s*\(|\bctx\s*\.\s*(?:status|body)\s*=/,
  /\(\s*(?:req|request|ctx)\s*,\s*(?:res|response|reply|next)\b/,
  /\breturn\s+(?:false\b|(?!next\b)[A-Za-z_$][\w$.]*\s*\()/,
  /\b(?:reject|fail|deny)\w*\s*\(/i,
];

/**
 * True when a middleware neither verifies a credential nor can stop the request: it always goes on, so
 * it keeps nobody out. One that verifies a token and only records who the caller is still authenticates
 * (the handlers then check what it found).
 */
export function passesEveryone(code: string): boolean {
  return !canStopRequest(code) && !hasInHandlerCheck(code);
}

export function canStopRequest(code: string): boolean {
  const body = bodyOf(code);
  return REQUEST_STOPS.some((p) => p.test(body));
}

/** True when the code hands the request to a function whose name names a check (`verifyToken(req, res, next)`). */
export function callsCheck(code: string, isAuthName: (name: string) => boolean): boolean {
  for (const match of code.matchAll(/\b([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(\s*(?:req|request|ctx)\b/g)) {
    if (isAuthName(match[1].replace(/\s+/g, ''))) return true;
  }
  return false;
}

/** Receivers whose calls only shape the answer: a handler calling nothing else changes and reads no data. */
export const ANSWER_RECEIVERS: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'ctx', 'next', 'console', 'JSON', 'String', 'Number', 'Object', 'Array', 'Math', 'h']);

// 404/405/501, a redirect (`res.redirect()`, `ctx.status = 303`), an echo of the request, or an error handed on.
const INERT_ANSWER = /\b(?:status|sendStatus|code)\s*\(\s*(?:404|405|501)\b|\.\s*redirect\s*\(|\.\s*(?:json|send)\s*\(\s*(?:req|request)\s*\.\s*(?:body|query|params)\s*\)|\bstatus\s*=\s*30[1-8]\b|\bnext\s*\(\s*new\s+\w*Error\s*\(/;

/** Calls that only check or build values: schema validation, assertions, errors and URLs. */
const PURE_CALL_ROOTS = /^(?:z|Joi|yup|assert\w*|\w*Error|URL|URLSearchParams|encodeURIComponent|decodeURIComponent)$/;

/** The code after the parameter list: calls in default values or types do not count. */
export function bodyOf(code: string): string {
  const arrow = code.indexOf('=>');
  const brace = code.indexOf('{');
  const at = arrow >= 0 && (brace < 0 || arrow < brace) ? arrow + 2 : brace;
  return at >= 0 ? code.slice(at) : code;
}

/** True when every call in a handler is on the response (`res.status(405).end()`, `res.redirect(...)`, `res.json(req.body)`). */
export function onlyResponds(code: string): boolean {
  if (code.length >= 4000 || /\bawait\b|\bnew\s+(?!\w*Error\b|URL\b|URLSearchParams\b)/.test(code)) return false;
  const body = bodyOf(code);
  // Only inert answers count: 404/405/501, a redirect, or an echo of what the caller sent; never the caller's own data.
  if (!INERT_ANSWER.test(body) || /\b(?:user|session|currentUser)\b/.test(body)) return false;
  return callsOf(body).every(({ root }) => ANSWER_RECEIVERS.has(root) || PURE_CALL_ROOTS.test(root));
}

const KEYWORDS: ReadonlySet<string> = new Set(['if', 'for', 'while', 'switch', 'return', 'catch', 'function', 'typeof', 'await', 'async']);

/**
 * Every call in code: its root identifier and the member path up to the called name. A method called on
 * an earlier call's result (`z.record(x).safeParse(y)`) belongs to that call's root, already listed.
 */
export function callsOf(body: string): { root: string; chain: string }[] {
  const calls: { root: string; chain: string }[] = [];
  // Text in quotes is no code: `Incorrect HTTP method (${req.method})` calls nothing.
  const code = body.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
  for (const match of code.matchAll(/(?<![\w$])(?<!\.\s*)([A-Za-z_$][\w$]*)((?:\s*\??\.\s*[A-Za-z_$][\w$]*)*)\s*\(/g)) {
    if (!KEYWORDS.has(match[1])) calls.push({ root: match[1], chain: match[2].replace(/[\s?]/g, '') });
  }
  return calls;
}

/** Writes and deletes in handler code: a GET route doing one of these changes data. */
const DATA_WRITES: readonly RegExp[] = [
  /\b(?:DELETE\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DROP\s+TABLE|TRUNCATE)\b/i,
  /\.\s*(?:destroy|deleteOne|deleteMany|findByIdAndDelete|findOneAndDelete|findByIdAndRemove|findOneAndRemove|removeById|bulkDelete)\s*\(/,
  /\b(?:prisma|db|knex|models?|repository|repo)\b[\w.]*\.\s*(?:delete|deleteMany|remove|update|updateMany|insert|create|upsert)\s*\(/,
];

export function writesData(code: string): boolean {
  return DATA_WRITES.some((p) => p.test(code));
}

/** Webhook handlers that verify the sender's signature before trusting the payload. */
export const SIGNATURE_CHECKS: readonly RegExp[] = [
  /\bconstructEvent\s*\(/, /\bverify(?:Webhook)?Signature\s*\(/i, /\bvalidate(?:Webhook)?Signature\s*\(/i, /\bverifyWebhook\s*\(/i,
  /\bcreateHmac\s*\(/, /\btimingSafeEqual\s*\(/, /x-hub-signature|stripe-signature|x-signature|x-slack-signature|svix-signature|x-twilio-signature/i,
  /\bwebhooks?\s*\.\s*verify\s*\(/i,
  /\.\s*verify\s*\(\s*(?:signature|sig|signedPayload)\b/i,
  // Python: hmac.compare_digest, stripe.Webhook.construct_event, verify_signature(...)
  /\bcompare_digest\s*\(/, /\bconstruct_event\s*\(/, /\b(?:verify|validate)_(?:webhook_)?signature\s*\(/i,
];

export function hasSignatureCheck(code: string): boolean {
  return SIGNATURE_CHECKS.some((p) => p.test(code));
}
