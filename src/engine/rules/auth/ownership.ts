import { wordsOf } from './auth-names';
import type { AuthMiddlewareJudge } from './route-evaluation';
import type { RouteVerdict } from './route-verdicts';

/**
 * Object-level authorization, by consistency: in a router whose routes address a user by a path parameter
 * (`/user/:userId/...`), when some of them compare that parameter with the caller (`req.user.id !==
 * userId`) or require a permission, a signed-in-only sibling that acts on the parameter without looking at
 * the caller lets any signed-in user reach another user's data (OWASP API1, broken object level authorization).
 */

/** Reads of who the caller is, in a handler. */
const CALLER = /\b(?:req|request|ctx)\s*\.\s*(?:user|session|auth|state\s*\.\s*user)\b|\bcurrentUser\b/;
/** A comparison with the caller's id (`user.id !== req.user?.id`, `req.user.id === Number(userId)`). */
const CALLER_ID_COMPARISON = /[!=]==?\s*(?:\w+\s*\(\s*)?(?:req|request)\s*\.\s*user\s*\??\.\s*id\b|\b(?:req|request)\s*\.\s*user\s*\??\.\s*id\s*\)?\s*[!=]==?/;
const PRIVILEGE_GUARD = /admin|role|permission|privilege|scope|owner|policy|ability|can[A-Z]/i;

/** The path parameter naming a user (`:userId`, or `:id` right after a `user`/`users` segment), if any. */
function userParam(fullPath: string): string | undefined {
  const segments = fullPath.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    if (!segments[i].startsWith(':')) continue;
    const name = segments[i].slice(1).replace(/\?$/, '');
    if (wordsOf(name).includes('user')) return name;
    if (name === 'id' && /^users?$/i.test(segments[i - 1] ?? '')) return name;
  }
  return undefined;
}

interface Candidate {
  verdict: RouteVerdict;
  param: string;
  code: string;
  /** Compares the parameter with the caller, or has a privilege guard of its own. */
  checksOwner: boolean;
}

function candidateOf(verdict: RouteVerdict, judge: AuthMiddlewareJudge): Candidate | undefined {
  // a route the project declares public is open on purpose, to every signed-in user too
  if (verdict.kind !== 'protected' || !verdict.guard || verdict.need.kind === 'public') return undefined;
  const param = userParam(verdict.instance.fullPath);
  const handler = verdict.instance.handler;
  const code = handler && (handler.code ?? judge.handlerCode(handler.file, handler.arg));
  if (!param || code === undefined) return undefined;
  const routeGuards = verdict.instance.applied.filter((use) => use.level === 'route' && judge.isAuth(use.file, use.arg));
  const privileged = routeGuards.some((use) => PRIVILEGE_GUARD.test(use.arg.kind === 'ref' || use.arg.kind === 'call' ? use.arg.text : ''));
  return { verdict, param, code, checksOwner: privileged || CALLER_ID_COMPARISON.test(code) };
}

/**
 * Marks the signed-in-only routes that act on a user parameter without looking at the caller as
 * unprotected, where routes of the same file check the caller against theirs.
 */
export function markMissingOwnershipChecks(verdicts: readonly RouteVerdict[], judge: AuthMiddlewareJudge): void {
  const byFile = new Map<string, Candidate[]>();
  for (const verdict of verdicts) {
    const candidate = candidateOf(verdict, judge);
    if (!candidate) continue;
    const list = byFile.get(verdict.instance.file);
    if (list) list.push(candidate); else byFile.set(verdict.instance.file, [candidate]);
  }
  for (const candidates of byFile.values()) {
    const owners = candidates.filter((c) => c.checksOwner).length;
    if (!owners) continue;
    for (const c of candidates) {
      if (c.checksOwner || CALLER.test(c.code) || !new RegExp(`\\b${c.param}\\b`).test(c.code)) continue;
      c.verdict.kind = 'unprotected';
      c.verdict.need = { kind: 'ownership', param: c.param, checked: owners, of: candidates.length };
      c.verdict.detail = `${c.verdict.detail}, but nothing checks that :${c.param} is the caller`;
    }
  }
}
