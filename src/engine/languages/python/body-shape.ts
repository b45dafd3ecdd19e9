import type { Node } from '@vscode/tree-sitter-wasm';
import type { PyNodes } from './py-nodes';
import { refusalIn } from './refusals';
import { RECORD_READ, STORED_DATA_READ, STORED_DATA_WRITE } from './stored-data';
import { dottedName, named, plainStringValue } from './syntax';

/**
 * What a Python function body does with stored data and how it ends, read from its syntax: the facts the
 * missing-auth judgement needs to tell a view that exposes nothing (it only redirects, or answers from the
 * request alone) from one that reads or changes records, and to see the gates written at its top.
 */
export interface PyBodyShape {
  /** Every way out returns a redirect built from literals and the function's own parameters. */
  onlyRedirects: boolean;
  /**
   * Dotted names of the functions and classes it calls (unique, capped), not methods of its own variables: the
   * project's own are followed later, a name nobody defines counts as code that may write.
   */
  calls: string[];
  /** It builds an answer: renders a template, builds a response, redirects. */
  answers: boolean;
  /** It reaches stored data itself: an ORM manager or query, a database session or cursor, the session, the signed-in caller. */
  readsStoredData: boolean;
  /** It changes stored data itself: `.save()`, `.delete()`, `db.session.commit()`, SQL that writes. */
  writesStoredData: boolean;
  /**
   * Conditions of the `if` statements at its top, before any other work, that send the caller away (redirect,
   * refuse) or that hold all the work while only sending away follows them.
   */
  gates: string[];
  /** A `try` at its top level catches a bad signature (Django signing, itsdangerous) and ends the request there. */
  verifiesSignature: boolean;
}

const MAX_CALLS = 40;

/** Calls that answer with a redirect. */
const REDIRECT_CALL = /^(?:[\w.]*\.)?(?:redirect|HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse)$/;
/** Calls that build a URL from a route's name and values. */
const URL_BUILDERS = /^(?:[\w.]*\.)?(?:url_for|reverse|reverse_lazy|resolve_url|url_path_for)$/;
/** Exceptions a signature check raises on a forged or expired value. */
const BAD_SIGNATURE = /\b(?:BadSignature|SignatureExpired|BadTimeSignature|BadData|BadPayload|InvalidSignature|InvalidToken|ExpiredSignatureError|InvalidSignatureError)\b/;
/** A statement that ends the request by sending the caller away: a redirect, an error raised, `abort(...)`, a 4xx answer. */
const SENDS_AWAY = /^(?:return\s+(?:[\w.]*\.)?(?:redirect|HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse|redirect_to_login)\s*\(|raise\b|(?:[\w.]*\.)?abort\s*\()/;

function endsRequest(statement: Node): boolean {
  return SENDS_AWAY.test(statement.text) || (statement.type === 'return_statement' && refusalIn(statement.text) !== undefined);
}

/** A branch that does nothing but end the request (a log call before it aside). */
function onlySendsAway(statements: readonly Node[]): boolean {
  return statements.length > 0 && endsRequest(statements[statements.length - 1]) && statements.every((s) => endsRequest(s) || s.type === 'expression_statement');
}

/** Statements of a block, without comments. */
function statementsOf(block: Node | null): Node[] {
  return block ? named(block) : [];
}

function isDocstring(statement: Node): boolean {
  const only = statement.type === 'expression_statement' ? named(statement) : [];
  return only.length === 1 && only[0].type === 'string';
}

/** A redirect whose target is built only from literals and the function's parameters: it reveals nothing stored. */
function isPlainRedirect(value: Node | undefined, params: ReadonlySet<string>): boolean {
  if (!value || value.type !== 'call') return false;
  const callee = dottedName(value.childForFieldName('function')) ?? '';
  if (!REDIRECT_CALL.test(callee)) return false;
  return argumentsPlain(value, params);
}

function argumentsPlain(call: Node, params: ReadonlySet<string>): boolean {
  const args = call.childForFieldName('arguments');
  return statementsOf(args).every((arg) => {
    const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    if (!value) return false;
    if (plainStringValue(value) !== undefined || value.type === 'integer' || value.type === 'none' || value.type === 'true' || value.type === 'false') return true;
    if (value.type === 'identifier') return params.has(value.text);
    if (value.type === 'call') return URL_BUILDERS.test(dottedName(value.childForFieldName('function')) ?? '') && argumentsPlain(value, params);
    return false;
  });
}

/** Return statements of the function itself (not of functions nested in it). */
function ownReturns(body: Node, nodes: PyNodes): Node[] {
  const nested = nodes.below(body, ['function_definition', 'lambda']);
  const inNested = (node: Node) => nested.some((n) => n.startIndex <= node.startIndex && node.endIndex <= n.endIndex);
  return nodes.below(body, 'return_statement').filter((r) => !inNested(r));
}

function onlyRedirects(body: Node, params: ReadonlySet<string>, nodes: PyNodes): boolean {
  const statements = statementsOf(body);
  const last = statements[statements.length - 1];
  // Falling off the end answers `None`; every way out must be a `return` (or a raise).
  if (!last || (last.type !== 'return_statement' && last.type !== 'raise_statement')) return false;
  if (nodes.below(body, 'yield').length) return false;
  const returns = ownReturns(body, nodes);
  return returns.length > 0 && returns.every((r) => isPlainRedirect(named(r)[0], params));
}

/**
 * The gates at the top of a body: `if <condition>: <send away>` before any other work (assignments that
 * compute what the condition reads may come first), or `if <condition>: <all the work>` with only sending
 * away after it.
 */
function gatesOf(body: Node): string[] {
  const gates: string[] = [];
  const statements = statementsOf(body);
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    if (isDocstring(statement) || (statement.type === 'expression_statement' && named(statement)[0]?.type === 'assignment' && !STORED_DATA_WRITE.test(statement.text))) continue;
    if (statement.type !== 'if_statement') break;
    const condition = statement.childForFieldName('condition')?.text ?? '';
    const branch = statementsOf(statement.childForFieldName('consequence'));
    const alternatives = statement.childrenForFieldName('alternative').filter((a): a is Node => a !== null);
    if (branch.length && endsRequest(branch[branch.length - 1]) && !alternatives.length) {
      gates.push(condition);
      continue;
    }
    const after = statements.slice(i + 1);
    const elseSendsAway = alternatives.every((a) => a.type === 'else_clause' && onlySendsAway(statementsOf(a.childForFieldName('body'))));
    if (elseSendsAway && after.every(endsRequest) && (after.length > 0 || alternatives.length > 0)) gates.push(condition);
    break;
  }
  return gates;
}

function verifiesSignature(body: Node): boolean {
  return statementsOf(body).some((statement) => statement.type === 'try_statement' && named(statement).some((clause) => {
    if (clause.type !== 'except_clause') return false;
    const caught = named(clause).find((c) => c.type !== 'block');
    const block = named(clause).find((c) => c.type === 'block');
    const last = statementsOf(block ?? null).pop();
    return caught !== undefined && BAD_SIGNATURE.test(caught.text) && last !== undefined && (last.type === 'return_statement' || endsRequest(last));
  }));
}

/** Methods that only read a record or a query: calling anything else on a loaded record may change it. */
const READING_METHOD = /^(?:get\w*|filter\w*|exclude|all|first|last|count|exists|values\w*|order_by|select_related|prefetch_related|annotate|aggregate|only|defer|distinct|is_\w+|has_\w+|can_\w+|to_\w+|as_\w+|serialize\w*|items|keys|format|strftime|isoformat)$/;

/**
 * Calls a method on a record the body loaded (`connector = get_object_or_404(...)`, then `connector.deactivate()`):
 * a model's own methods save what they change, so any method but a reading one counts as a write.
 */
function changesLoadedRecord(body: Node, text: string, nodes: PyNodes): boolean {
  const loaded = new Set<string>();
  for (const assignment of nodes.below(body, 'assignment')) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type === 'identifier' && right && RECORD_READ.test(right.text)) loaded.add(left.text);
  }
  if (!loaded.size) return false;
  for (const match of text.matchAll(/\b([A-Za-z_]\w*)\s*\.\s*([A-Za-z_]\w*)\s*\(/g)) {
    if (loaded.has(match[1]) && !READING_METHOD.test(match[2])) return true;
  }
  return false;
}

/** Names the body binds: its parameters, assignment and loop targets, `as` names. */
function localsOf(body: Node, params: readonly string[], nodes: PyNodes): Set<string> {
  const locals = new Set(params);
  for (const node of nodes.below(body, ['assignment', 'augmented_assignment', 'for_statement', 'as_pattern', 'with_item'])) {
    const target = node.type === 'as_pattern' ? node.childForFieldName('alias') : node.childForFieldName('left');
    for (const id of target ? (target.type === 'identifier' ? [target] : target.descendantsOfType('identifier')) : []) if (id) locals.add(id.text);
  }
  return locals;
}

function callsOf(body: Node, locals: ReadonlySet<string>, nodes: PyNodes): string[] {
  const names = new Set<string>();
  for (const call of nodes.below(body, 'call')) {
    const fn = call.childForFieldName('function');
    const name = fn && dottedName(fn);
    if (name && !locals.has(name.split('.')[0])) names.add(name);
    if (names.size >= MAX_CALLS) break;
  }
  return [...names];
}

/** Calls that build an answer: a rendered template, a response, a redirect. */
const ANSWER_CALL = /(?:^|\.)(?:render\w*|TemplateResponse|jsonify|JsonResponse|HttpResponse\w*|Response|HTMLResponse|JSONResponse|make_response|redirect)$/;

/** The shape of a function body; `params` are the function's parameter names; `nodes`, those of the body's tree. */
export function bodyShape(body: Node, params: readonly string[], maxText: number, nodes: PyNodes): PyBodyShape {
  const text = body.text.slice(0, maxText);
  const calls = callsOf(body, localsOf(body, params, nodes), nodes);
  return {
    onlyRedirects: onlyRedirects(body, new Set(params), nodes),
    calls,
    answers: calls.some((c) => ANSWER_CALL.test(c)),
    readsStoredData: STORED_DATA_READ.test(text),
    writesStoredData: STORED_DATA_WRITE.test(text) || changesLoadedRecord(body, text, nodes),
    gates: gatesOf(body),
    verifiesSignature: verifiesSignature(body),
  };
}
