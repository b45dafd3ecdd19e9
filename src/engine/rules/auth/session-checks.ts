import { escapeRegExp } from '../../text';
import { wordsOf } from './auth-names';

/**
 * Checks written the way Next.js route handlers, Auth.js and similar libraries write them: read the session
 * or user (`const session = await getServerSession(authOptions)`, `await auth()`, `getToken({ req })`,
 * `currentUser()`, `verifyUser({ req, res })`), then end the request when it is missing
 * (`if (!session) return new Response('Unauthorized', { status: 401 })`, `redirect('/login')`, `notFound()`).
 * The test and its ending must sit together in one `if`: a variable named `user` that is looked up and
 * missing (a 404) is not a check of the caller.
 */

/** A redirect to a log-in page: `res.redirect('/login')`, `redirect('/sign-in')`, `NextResponse.redirect(new URL('/login', req.url))`. */
export const LOGIN_REDIRECT = /\bredirect\s*\(\s*(?:30[1237]\s*,\s*)?(?:new\s+URL\s*\(\s*)?['"`][^'"`]*(?:login|log-in|signin|sign-in|auth)/i;

/** Endings that refuse the caller whoever they are. */
const REFUSAL = new RegExp(String.raw`\b40[13]\b|\bUnauthori[sz]ed\b|\bForbidden\b|${LOGIN_REDIRECT.source}`, 'i');
/** Endings of any kind: after a missing session or user read from the request, any of them refuses. */
const ANY_ENDING = new RegExp(String.raw`\b(?:return|throw)\b|\b(?:redirect|permanentRedirect|notFound|unauthorized|forbidden)\s*\(|${REFUSAL.source}`, 'i');

/** Names a handler usually gives the caller's identity: negated together with a refusal, they are a check. */
const IDENTITY_NAMES = /!\s*\(?\s*(?:session|user|currentUser|authUser|sessionUser|viewer|token|userId|auth)\b/;

const CHECK_VERBS: ReadonlySet<string> = new Set(['verify', 'require', 'ensure', 'check', 'assert', 'authenticate', 'authorize', 'validate', 'get', 'read', 'load', 'fetch', 'decode']);
const STRICT_CHECK_VERBS: ReadonlySet<string> = new Set(['verify', 'require', 'ensure', 'check', 'assert', 'authenticate', 'authorize']);
const IDENTITY_CALL_WORDS: ReadonlySet<string> = new Set(['session', 'viewer', 'whoami', 'claims', 'principal']);
/** Words that make a user getter the caller's own user: `currentUser`, `getSessionUser`, `getLoggedInUser`. */
const IDENTITY_QUALIFIERS: ReadonlySet<string> = new Set(['current', 'session', 'auth', 'logged', 'signed', 'authenticated', 'me']);
const CHANGE_WORDS: ReadonlySet<string> = new Set(['create', 'delete', 'update', 'destroy', 'revoke', 'invalidate', 'set', 'save', 'remove', 'end', 'logout', 'out', 'clear', 'new']);

/**
 * True when a call returns the caller's identity. What a getter returns is named by its last word
 * before any `from`/`by` (`getServerSession`, `currentUser`, `getTokenFromRequest`, `verifyUser`; not
 * `getSessionMessages`, nor `getUserById`, whose user is whoever the id names); a plain
 * `getUser` counts when its receiver is an auth client (`supabase.auth.getUser`) or it is handed the request.
 */
function isIdentitySource(callee: string, firstArg: string): boolean {
  const segments = callee.split('.');
  const all = wordsOf(segments[segments.length - 1]);
  // `getTokenFromRequest`, `getUserBySession`: what is returned is named before `from` or `by`.
  const cut = all.findIndex((w, i) => i > 0 && (w === 'from' || w === 'by' || w === 'for' || w === 'of' || w === 'with'));
  const words = cut > 0 ? all.slice(0, cut) : all;
  const last = words[words.length - 1];
  if (last === undefined || words.some((w) => CHANGE_WORDS.has(w))) return false;
  if (words.length === 1 && last === 'auth') return true;
  if (IDENTITY_CALL_WORDS.has(last)) return true;
  if ((last === 'token' || last === 'auth') && words.some((w) => CHECK_VERBS.has(w))) return true;
  if (last !== 'user' && last !== 'account' && last !== 'member' && last !== 'authenticated') return false;
  if (words.some((w) => STRICT_CHECK_VERBS.has(w) || IDENTITY_QUALIFIERS.has(w))) return true;
  return segments.slice(0, -1).some((s) => wordsOf(s).includes('auth')) || /^\{?\s*(?:req|request)\b/.test(firstArg);
}

/** Words of a call that asks whether the caller may act: `isAuthorized(req)`, `hasPermission(user, 'x')`, `canAccess(...)`. */
const PERMISSION_CALL_WORDS: ReadonlySet<string> = new Set(['authorized', 'authorised', 'authenticated', 'auth', 'permission', 'permissions', 'permitted', 'access', 'admin', 'owner', 'logged', 'signed', 'role', 'roles']);
const REFUSAL_OR_THROW = new RegExp(String.raw`\bthrow\b|\bnotFound\s*\(|${REFUSAL.source}`, 'i');

/** True when a condition negates a call that asks whether the caller may act (`!isAuthorized(req)`, `!(await canAccess(id))`). */
function failedCheckCall(condition: string): boolean {
  for (const m of condition.matchAll(/!\s*\(?\s*(?:await\s+)?([\w$]+(?:\s*\??\.\s*[\w$]+)*)\s*\(/g)) {
    const name = m[1].replace(/[\s?]/g, '').split('.').pop() ?? '';
    if (wordsOf(name).some((w) => PERMISSION_CALL_WORDS.has(w))) return true;
  }
  return false;
}

/** Variables holding the caller's identity: `const session = await auth()`, `const { user } = await validate(req)`. */
function identityVariables(code: string): string[] {
  const names: string[] = [];
  const assignment = /\b(?:const|let|var)\s+(\{[^}]{0,200}\}(?:\s*\})*|[\w$]+)\s*(?::[^=;]{1,80})?=\s*(?:await\s+)?([\w$]+(?:\s*\??\.\s*[\w$]+)*)\s*\(([^)]{0,40})/g;
  for (const m of code.matchAll(assignment)) {
    if (!isIdentitySource(m[2].replace(/[\s?]/g, ''), m[3].trim())) continue;
    if (!m[1].startsWith('{')) names.push(m[1]);
    // In a destructuring pattern the bound names are those not followed by `:` (which are keys).
    else for (const bound of m[1].matchAll(/([\w$]+)\s*(?=[,}=])/g)) names.push(bound[1]);
  }
  return names;
}

/** Where the statement at the start of `text` ends: its block's closing brace, or its semicolon. */
function statementEnd(text: string): number {
  if (!/^\s*\{/.test(text)) {
    const end = text.search(/;|\n\s*\n/);
    return end < 0 ? text.length : end + 1;
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The condition of each `if` and the statement it guards, both capped. */
function* guardedStatements(code: string): Generator<{ condition: string; then: string }> {
  for (const m of code.matchAll(/\bif\s*\(/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < Math.min(code.length, open + 400); i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')' && --depth === 0) { close = i; break; }
    }
    if (close < 0) continue;
    const rest = code.slice(close + 1, close + 400);
    yield { condition: code.slice(open + 1, close), then: rest.slice(0, statementEnd(rest)) };
  }
}

/** True when the code reads the caller's session or user and ends the request in the `if` that finds it missing. */
export function checksSession(code: string): boolean {
  if (!/\bif\s*\(/.test(code)) return false;
  const variables = identityVariables(code).map(escapeRegExp);
  const negated = variables.length ? new RegExp(String.raw`!\s*\(?\s*(?:${variables.join('|')})\b|\b(?:${variables.join('|')})\b[\w$?.\s]*(?:===?)\s*(?:null|undefined)\b`) : undefined;
  const mentioned = variables.length ? new RegExp(String.raw`\b(?:${variables.join('|')})\b`) : undefined;
  for (const { condition, then } of guardedStatements(code)) {
    if (negated?.test(condition) && ANY_ENDING.test(then)) return true;
    if (failedCheckCall(condition) && REFUSAL_OR_THROW.test(then)) return true;
    if ((mentioned?.test(condition) || IDENTITY_NAMES.test(condition)) && REFUSAL.test(then)) return true;
  }
  return false;
}
