import type { Node } from '@vscode/tree-sitter-wasm';
import type { GuardEffect } from '../../model/routes';
import type { PyNodes } from './py-nodes';
import { STORED_DATA_WRITE } from './stored-data';

/**
 * How Python code refuses a caller, judged by what it does (answers 401/403, redirects to sign-in, raises an
 * auth error, hands over to a guard of an auth library), never by the function's name. A redirect to
 * `LOGIN_REDIRECT_URL` is where signed-in users go, not the sign-in page.
 */
const REDIRECTS = /\bredirect(?:_to_login)?\s*\([^\n]*(?:log_?in(?!_?redirect)|sign_?in|auth|LOGIN_URL)|\bredirect_to_login\s*\(|\.unauthorized\s*\(\s*\)/i;
const RAISES = /\braise\s+[\w.]*(?:Unauthori[sz]ed|Forbidden|PermissionDenied|NotAuthenticated|AuthenticationFailed|Auth\w*Error|LoginRequired|AccessDenied|NoAuthorizationError|credentials_exception)\w*|\braise\s+(?:[\w.]*HTTPException|[\w.]*APIException)\s*\([^)]*\b(?:401|403|HTTP_40[13]\w*|UNAUTHORIZED|FORBIDDEN)\b/;
const REJECTS = new RegExp([
  String.raw`\babort\s*\(\s*(?:401|403|HTTPStatus\.(?:UNAUTHORIZED|FORBIDDEN)|status\.HTTP_40[13]\w*|code\s*=\s*40[13])`,
  String.raw`\bHTTPException\s*\([^)]*\b(?:401|403|HTTP_40[13]\w*|UNAUTHORIZED|FORBIDDEN)\b`,
  String.raw`\bstatus(?:_code)?\s*=\s*(?:401|403|status\.HTTP_40[13]\w*|HTTPStatus\.(?:UNAUTHORIZED|FORBIDDEN))\b`,
  String.raw`\breturn\s+[^\n]*,\s*(?:401|403|HTTPStatus\.(?:UNAUTHORIZED|FORBIDDEN))\b`,
  String.raw`\bHttpResponse(?:Forbidden|NotAllowed)\s*\(`,
  String.raw`\bmake_response\s*\([^\n]*,\s*40[13]\b`,
].join('|'));
/** Calls that hand the request to an auth library's check, which refuses for the caller (Django's `AccessMixin.handle_no_permission()` redirects to sign-in or answers 403). */
const LIBRARY_CHECK = /\b(?:verify_jwt_in_request|handle_no_permission|login_required|jwt_required|fresh_jwt_required|user_passes_test|permission_required|staff_member_required|auth_required|roles_required|roles_accepted|permissions_required|check_permissions|has_permission)\s*\(/;

/** How a piece of code refuses, if it does. */
export function refusalIn(code: string): GuardEffect | undefined {
  if (REDIRECTS.test(code)) return 'redirects';
  if (RAISES.test(code)) return 'raises';
  if (REJECTS.test(code)) return 'rejects';
  if (LIBRARY_CHECK.test(code)) return 'rejects';
  return undefined;
}

/** What a condition asks about the caller: signed in, a session, a token, a permission. */
const CALLER_SUBJECT = /\b\w*(?:session|token|user|auth|jwt|logged|admin)\w*\b|\b(?:current_user|request\.user|g\.user|g\.current_user|session|user|logged_?in|is_authenticated|is_anonymous|is_active|is_staff|is_superuser|has_perm\w*|token|jwt|auth\w*|api_key|apikey|role|roles|permission\w*|identity|username|admin)\b/i;

/** An answer that means "who are you?": HTTP 401. */
const UNAUTHENTICATED = /\b(?:401|HTTP_401_UNAUTHORIZED|HTTPStatus\.UNAUTHORIZED)\b/;

/** Sending the caller elsewhere: after a condition on the caller, any redirect turns them away. */
const SENDS_AWAY = /\b(?:redirect|HttpResponseRedirect|redirect_to_login)\s*\(/;

function turnsAway(code: string): GuardEffect | undefined {
  return refusalIn(code) ?? (SENDS_AWAY.test(code) ? 'redirects' : undefined);
}

/** A condition that holds when the caller is missing or wrong: `not ...`, `is None`, `!=`, `not in`. */
export const NEGATIVE_CONDITION = /^\s*not\b|\bis\s+None\b|==\s*None\b|!=|\bnot\s+in\b|\bis\s+False\b|==\s*False\b/;

/**
 * A condition on the caller that turns them away: `if not current_user.is_authenticated: abort(401)`, or
 * `if user.is_authenticated(): <work>` followed by a redirect (the work runs only for signed-in callers).
 * A 401/403 answer or an auth error counts in any branch; a plain redirect only where it sends away the
 * caller the condition rejects (not `if current_user.is_authenticated: return redirect(home)` on a login page).
 */
export function callerCheckIn(body: Node, nodes: PyNodes): GuardEffect | undefined {
  // A check after the view already changed data protects nothing: only conditions before the first write count.
  const firstWrite = body.namedChildren.find((n) => n !== null && n.type !== 'if_statement' && STORED_DATA_WRITE.test(n.text))?.startIndex ?? Infinity;
  for (const node of nodes.below(body, 'if_statement')) {
    if (node.startIndex > firstWrite) continue;
    const condition = node.childForFieldName('condition');
    const consequence = node.childForFieldName('consequence');
    // A 401 answer asks for credentials whatever the condition names (`if project is None: ... 401`).
    if (consequence && UNAUTHENTICATED.test(consequence.text) && refusalIn(consequence.text)) return 'rejects';
    if (!condition || !CALLER_SUBJECT.test(condition.text)) continue;
    const negative = NEGATIVE_CONDITION.test(condition.text);
    const strict = consequence && refusalIn(consequence.text);
    if (strict) return strict;
    if (negative && consequence && SENDS_AWAY.test(consequence.text)) return 'redirects';
    // A positive condition whose branch sends the signed-in caller away at once (a login page) checks nobody.
    const first = consequence?.namedChildren.find((n) => n !== null && n.type !== 'comment');
    if (negative || (first?.type === 'return_statement' && SENDS_AWAY.test(first.text))) continue;
    const others = [...node.childrenForFieldName('alternative')];
    for (let next = node.nextNamedSibling, i = 0; next && i < 3; next = next.nextNamedSibling, i++) others.push(next);
    for (const branch of others) {
      const effect = branch && turnsAway(branch.text);
      if (effect) return effect;
    }
  }
  // `if request.user.is_authenticated: <all the work>` as the view's last statement, with no else: an anonymous
  // caller gets nothing done (Django answers an error for the view's missing response).
  const statements = body.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  const last = statements[statements.length - 1];
  const condition = last?.type === 'if_statement' ? last.childForFieldName('condition') : undefined;
  if (last && condition && !NEGATIVE_CONDITION.test(condition.text) && CALLER_SUBJECT.test(condition.text) && !last.childrenForFieldName('alternative').length) return 'rejects';
  // A library check called as a statement (`verify_jwt_in_request()`) refuses on its own.
  for (const call of nodes.below(body, 'call')) {
    const fn = call.childForFieldName('function');
    if (fn && /^(?:verify_jwt_in_request|[\w.]*check_permissions|[\w.]*login_manager\.unauthorized)$/.test(fn.text) && call.parent?.type === 'expression_statement') return 'rejects';
  }
  return undefined;
}
