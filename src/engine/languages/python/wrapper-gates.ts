import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { GuardEffect } from '../../model/routes';
import type { PyNodes } from './py-nodes';
import type { PyWrapperGate } from './python-facts';
import { NEGATIVE_CONDITION, refusalIn } from './refusals';

/**
 * A method that wraps the one it overrides (a class view's `dispatch` calling `super().dispatch(...)`) guards
 * what it wraps when it hands over only under a condition and answers something else otherwise: a 403, a 404,
 * a "this profile is private" page, a redirect. Whether the condition is about the caller is decided later,
 * with the class chain at hand (the condition may call another method of the class).
 */

/** `super().dispatch(`, `super(OrderView, self).dispatch(`. */
function passOnPattern(name: string): RegExp {
  return new RegExp(String.raw`\bsuper\s*\([^)]*\)\s*\.\s*${name}\s*\(`);
}

function statementsOf(block: Node | null | undefined): Node[] {
  return block ? namedChildren(block).filter((n) => n.type !== 'comment') : [];
}

/** A run of statements that ends the call without handing over: its last statement returns or raises. */
function endsWithout(statements: readonly Node[], passOn: RegExp): boolean {
  const last = statements[statements.length - 1];
  if (!last || statements.some((s) => passOn.test(s.text))) return false;
  return last.type === 'return_statement' || last.type === 'raise_statement';
}

function endsHandingOver(statements: readonly Node[], passOn: RegExp): boolean {
  const last = statements[statements.length - 1];
  return !!last && last.type === 'return_statement' && passOn.test(last.text);
}

function effectOf(statements: readonly Node[]): GuardEffect {
  const text = statements.map((s) => s.text).join('\n');
  const strict = refusalIn(text);
  if (strict) return strict;
  const last = statements[statements.length - 1];
  if (last?.type === 'raise_statement') return 'raises';
  return /\bredirect\w*\s*\(|HttpResponseRedirect/.test(text) ? 'redirects' : 'rejects';
}

/** The statements that run after `node` in its block, when it has no `else`. */
function followers(node: Node): Node[] {
  const out: Node[] = [];
  for (let next = node.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type !== 'comment') out.push(next);
  return out;
}

/** Whether the method hands over to the one it overrides, and the condition under which it refuses instead. */
export function wrapperGate(body: Node, name: string, nodes: PyNodes): { passesOn: boolean; gate?: PyWrapperGate } {
  const passOn = passOnPattern(name);
  if (!passOn.test(body.text)) return { passesOn: false };
  for (const node of nodes.below(body, 'if_statement')) {
    const condition = node.childForFieldName('condition');
    const consequence = statementsOf(node.childForFieldName('consequence'));
    if (!condition || !consequence.length) continue;
    const negative = NEGATIVE_CONDITION.test(condition.text);
    const alternative = node.childrenForFieldName('alternative').filter((n): n is Node => n !== null);
    // `if not allowed: return HttpResponseForbidden()` / `raise Http404`: refuses when the condition holds. After a
    // positive condition only a 401/403 or an auth error counts (`if user.is_authenticated: return redirect(LOGIN_REDIRECT_URL)`
    // sends signed-in callers on, it refuses nobody).
    const strict = refusalIn(consequence.map((s) => s.text).join('\n'));
    if (endsWithout(consequence, passOn) && (negative || (strict && strict !== 'redirects'))) {
      return { passesOn: true, gate: { condition: condition.text, effect: effectOf(consequence) } };
    }
    // `if visible_to(user): return super().dispatch(...)` then a refusal: hands over only when it holds.
    if (!negative && endsHandingOver(consequence, passOn)) {
      const otherwise = alternative.length ? statementsOf(alternative[0].type === 'else_clause' ? alternative[0].childForFieldName('body') : undefined) : followers(node);
      if (endsWithout(otherwise, passOn)) return { passesOn: true, gate: { condition: condition.text, effect: effectOf(otherwise) } };
    }
  }
  return { passesOn: true };
}
