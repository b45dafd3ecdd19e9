import { wordsOf } from './auth-names';
import { ANSWER_RECEIVERS as ANSWER_ROOTS, bodyOf, callsOf } from './handler-checks';

/**
 * What a handler's body does, where the method alone misleads: a POST that only answers a question, a
 * DELETE that only clears the caller's own session, a setup step that refuses once the instance is set
 * up, an endpoint built for anonymous callers. Each reads the handler's source text.
 */

const SESSION_WRITE = /\b(?:req|request|ctx)\s*\.\s*session\s*(?:\.\s*[\w$]+\s*)*(?:=(?!=)|\.\s*(?:destroy|regenerate|save|reset)\s*\()|\b(?:req|request|ctx)\s*\.\s*session\s*=(?!=)/;

/**
 * True when the handler changes nothing but the caller's own session (`request.session.pendingUser =
 * null`, `req.session.destroy()`): every call is on the session or the response, and it writes the session.
 */
export function changesOnlyOwnSession(code: string): boolean {
  if (code.length >= 3000) return false;
  const body = bodyOf(code);
  if (!SESSION_WRITE.test(body)) return false;
  return callsOf(body).every(({ root, chain }) => ANSWER_ROOTS.has(root) || ((root === 'req' || root === 'request' || root === 'ctx') && chain.startsWith('.session')));
}

/** Last path segments of endpoints that answer whether something exists or is free (`POST /users/check`). */
const QUESTION_SEGMENTS: ReadonlySet<string> = new Set(['check', 'available', 'availability', 'exists', 'taken', 'lookup-available']);
/** Types whose static factories build the answer (`UsernameCheckResponseDto.create(...)`). */
const ANSWER_TYPE = /^[A-Z]\w*(?:Dto|DTO|Response|Result)$/;
/** Method names that write, store or send. */
const WRITING_METHOD = /^(?:create|update|save|insert|upsert|delete|remove|destroy|put|set|write|append|push|increment|decrement|mark|send|mail|enqueue|add|register|invite|store|persist|patch)/i;

/**
 * True for an availability check: the path ends in `check` (or `available`, `exists`) and no call of the
 * handler writes, stores or sends anything; it answers a yes or no, as a sign-up form asks before submitting.
 */
export function answersAvailability(fullPath: string, code: string): boolean {
  const segments = fullPath.split('/').filter(Boolean);
  const last = segments[segments.length - 1]?.toLowerCase();
  if (!last || !QUESTION_SEGMENTS.has(last) || code.length >= 4000) return false;
  return callsOf(bodyOf(code)).every(({ root, chain }) => ANSWER_ROOTS.has(root) || ANSWER_TYPE.test(root) || !WRITING_METHOD.test(chain.split('.').pop() || root));
}

const INSTANCE_HAS_USERS = [new Set(['user', 'users', 'admin', 'admins', 'account', 'accounts', 'owner']), new Set(['any', 'exist', 'exists', 'there', 'count', 'has', 'have'])] as const;
const INSTANCE_SET_UP = [new Set(['onboarding', 'setup', 'install', 'installation', 'initialized', 'initialised', 'bootstrap', 'bootstrapped']), new Set(['completed', 'complete', 'done', 'finished', 'initialized', 'initialised', 'installed', 'bootstrapped'])] as const;
const REFUSAL_AFTER_CONDITION = /^\s*\{?\s*(?:throw\b|return\s+(?:res|response|reply)\b[^;]*\b4\d\d\b|[\w.]*\s*\([^;]*\b(?:4\d\d|BAD_REQUEST|FORBIDDEN|CONFLICT|UNPROCESSABLE_ENTITY)\b)/;

/** The condition of each `if` in the code, with the text after it. */
function* conditions(code: string): Generator<{ condition: string; rest: string }> {
  for (const match of code.matchAll(/\bif\s*\(/g)) {
    let depth = 1;
    let at = match.index! + match[0].length;
    const start = at;
    while (at < code.length && depth > 0) {
      if (code[at] === '(') depth++;
      else if (code[at] === ')') depth--;
      at++;
    }
    if (depth === 0) yield { condition: code.slice(start, at - 1), rest: code.slice(at, at + 300) };
  }
}

/**
 * True for a first-run setup step: the handler refuses (throws, answers 4xx) when the instance already has
 * a user or has been set up (`if (await User.findAny()) throw ...`, `if (status.onboardingCompleted) ...`),
 * so it can only ever run on an empty install, before anyone could have signed in.
 */
export function refusesOnceSetUp(code: string): boolean {
  for (const { condition, rest } of conditions(code)) {
    const words = new Set(wordsOf(condition));
    const asks = [INSTANCE_HAS_USERS, INSTANCE_SET_UP].some(([a, b]) => [...a].some((w) => words.has(w)) && [...b].some((w) => words.has(w)));
    if (asks && !condition.trim().startsWith('!') && REFUSAL_AFTER_CONDITION.test(rest)) return true;
  }
  return false;
}

/**
 * True when the handler rate-limits callers by their network address (`ratelimit.limit(ip)` with the
 * address from `x-forwarded-for` or `req.ip`): it is written for anonymous callers, who have nothing else
 * to be told apart by.
 */
export function limitsByAddress(code: string): boolean {
  // (a word holding `ratelimit` or `limiter`, then `.method(`: the name's start needs no looking for, so none is matched)
  return /(?:rate_?limit|limiter)\w*\s*\.\s*\w+\s*\(/i.test(code) && /x-forwarded-for|\b(?:req|request)\s*\.\s*(?:ip|socket\s*\.\s*remoteAddress)\b/i.test(code);
}

/** True when the handler answers only in a mock mode and 404 otherwise: a development double of an API. */
export function servesOnlyInMockMode(code: string): boolean {
  return /\bif\s*\(\s*!\s*[\w$.]*(?:[mM]ock|MOCK)\w*\s*\)\s*\{?[^}]{0,120}\b404\b/.test(code);
}
