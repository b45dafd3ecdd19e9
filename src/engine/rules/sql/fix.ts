import type { Node } from '@vscode/tree-sitter-wasm';
import type { FixSpec, OffsetEdit } from '../../rule';
import { CALLBACK_TYPES } from './allow-lists';
import { planParameters, renderPlan, type Plan, type RenderedSql } from './parameterize';
import type { Piece, Quote, TextPiece } from './pieces';
import { DRIVER_PLACEHOLDER, type DriverId, type PlaceholderStyle, type SinkEntry } from './sinks';
import { sqlLiteral } from './sql-literal';
import { indentOfLineAt, lineBreakAfter } from '../../text';

/**
 * The quick fix "Use a parameterized query": the built SQL becomes text with placeholders in the driver's
 * style, and the values go where that driver takes them. Offered only when the rewrite is certain:
 * every value has a place, existing placeholders and values line up, callbacks stay where they were.
 */

export const FIX_TITLE = 'Use a parameterized query';

export interface FixRequest {
  readonly text: string;
  readonly call: Node;
  readonly args: readonly Node[];
  readonly sqlIndex: number;
  readonly entry: SinkEntry;
  /** The driver whose placeholders to write; `unknown` when the file does not say. */
  readonly driver: DriverId;
  /** The pieces of the SQL text, exactly as written at `target`. */
  readonly pieces: readonly Piece[];
  /** The expression that holds the SQL text: the argument itself, or a variable's initializer. */
  readonly target: Node;
}

/** Drivers whose SQL reads "..." as a string, not a name. */
export const DOUBLE_QUOTE_STRINGS: ReadonlySet<DriverId> = new Set(['mysql', 'sqlite3', 'better-sqlite3']);

function elements(array: Node): Node[] | undefined {
  const list = array.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return list.some((c) => c.type === 'spread_element') ? undefined : list;
}

/** Whether the text between two offsets breaks a line (`\n`, `\r\n`, or a lone `\r`, which tree-sitter's rows miss). */
function spansLines(text: string, start: number, end: number): boolean {
  return /[\r\n]/.test(text.slice(start, end));
}

/** Placeholders for the request: the row's own, or the file's SQL driver's when the row says `dialect`. */
function placeholderFor(entry: SinkEntry, driver: DriverId): PlaceholderStyle | undefined {
  const style = entry.placeholder === 'dialect' ? DRIVER_PLACEHOLDER[driver] : entry.placeholder;
  return style === 'dialect' ? undefined : style;
}

function literalFor(request: FixRequest, rendered: RenderedSql, bodyOnly = false): string {
  const firstText = request.pieces.find((p): p is TextPiece => p.kind === 'text' && p.start >= 0);
  const indent = indentOfLineAt(request.text, request.target.startIndex);
  return sqlLiteral(rendered.segments, {
    quote: (firstText?.quote ?? "'") as Quote,
    spannedLines: spansLines(request.text, request.target.startIndex, request.target.endIndex) && request.target.type !== 'template_string',
    indent,
    indentUnit: indent.includes('\t') ? '\t' : '  ',
    driver: request.driver,
    named: rendered.named.length > 0 ? [request.entry.placeholder === '@name' ? '@' : ':'] : [],
    bodyOnly,
  });
}

/** Merges edits that touch into one, so an editor never sees an insertion at the end of a replacement. */
function joined(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.startOffset - b.startOffset);
  const result: OffsetEdit[] = [];
  for (const edit of sorted) {
    const last = result[result.length - 1];
    if (last && last.endOffset === edit.startOffset) result[result.length - 1] = { ...last, endOffset: edit.endOffset, newText: last.newText + edit.newText };
    else result.push(edit);
  }
  return result;
}

/** The callee as a member expression; TypeScript parses `await a.b<T>(...)` with the `await` inside the callee. */
function calleeMember(call: Node): Node | undefined {
  let callee = call.childForFieldName('function');
  if (callee?.type === 'await_expression') callee = callee.namedChildren.find((c) => c?.type === 'member_expression') ?? null;
  return callee?.type === 'member_expression' ? callee : undefined;
}

function replace(node: Node, newText: string): OffsetEdit {
  return { startOffset: node.startIndex, endOffset: node.endIndex, newText };
}

function insert(offset: number, newText: string): OffsetEdit {
  return { startOffset: offset, endOffset: offset, newText };
}

/** Values after the SQL argument: `[...]` to merge, nothing or a callback to insert before. */
function valuesArray(request: FixRequest, plan: Plan, style: PlaceholderStyle): OffsetEdit[] | undefined {
  const after = request.args[request.sqlIndex + 1];
  const sqlArg = request.args[request.sqlIndex];
  const existing = after?.type === 'array' ? elements(after) : after === undefined || CALLBACK_TYPES.has(after.type) ? [] : undefined;
  if (!existing) return undefined;
  const rendered = renderPlan(plan, style, existing.map((e) => e.text));
  if (!rendered) return undefined;
  const edits = [replace(request.target, literalFor(request, rendered))];
  if (after?.type !== 'array') {
    edits.push(insert(sqlArg.endIndex, `, [${rendered.values.join(', ')}]`));
  } else if (rendered.values.slice(0, existing.length).every((v, i) => v === existing[i].text)) {
    const added = rendered.values.slice(existing.length).join(', ');
    const last = existing[existing.length - 1];
    edits.push(last ? insert(last.endIndex, `, ${added}`) : replace(after, `[${added}]`));
  } else {
    edits.push(replace(after, `[${rendered.values.join(', ')}]`));
  }
  return edits;
}

/** `sequelize.query(sql, { replacements: [...] })`. */
function sequelizeOptions(request: FixRequest, plan: Plan): OffsetEdit[] | undefined {
  const options = request.args[request.sqlIndex + 1];
  const sqlArg = request.args[request.sqlIndex];
  if (options && options.type !== 'object') return undefined;
  const pairs = options ? options.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];
  const keyOf = (pair: Node): string => pair.childForFieldName('key')?.text ?? pair.text;
  if (pairs.some((p) => p.type !== 'pair' || keyOf(p) === 'bind')) return undefined;
  const replacements = pairs.find((p) => keyOf(p) === 'replacements')?.childForFieldName('value');
  if (replacements && replacements.type !== 'array') return undefined;
  const existing = replacements ? elements(replacements) : [];
  if (!existing) return undefined;
  const rendered = renderPlan(plan, '?', existing.map((e) => e.text));
  if (!rendered) return undefined;
  const list = `[${rendered.values.join(', ')}]`;
  const edits = [replace(request.target, literalFor(request, rendered))];
  if (replacements) edits.push(replace(replacements, list));
  else if (!options) edits.push(insert(sqlArg.endIndex, `, { replacements: ${list} }`));
  else if (pairs.length === 0) edits.push(replace(options, `{ replacements: ${list} }`));
  else {
    const first = pairs[0];
    const multiline = spansLines(request.text, options.startIndex, first.startIndex);
    edits.push(insert(first.startIndex, `replacements: ${list},${multiline ? `${lineBreakAfter(request.text, options.startIndex)}${indentOfLineAt(request.text, first.startIndex)}` : ' '}`));
  }
  return edits;
}

/** `request.input('id', id).query('... @id')`: only on a request object, where `.input` exists. */
function mssqlInputs(request: FixRequest, plan: Plan): OffsetEdit[] | undefined {
  let receiver = calleeMember(request.call)?.childForFieldName('object');
  // request.input('a', a).input('b', b).query(...): the request is under the .input() calls
  while (receiver?.type === 'call_expression') {
    const inner = receiver.childForFieldName('function');
    if (inner?.type !== 'member_expression' || !/^(input|output)$/.test(inner.childForFieldName('property')?.text ?? '')) break;
    receiver = inner.childForFieldName('object');
  }
  const chainEnd = calleeMember(request.call)?.childForFieldName('object');
  if (!receiver || !chainEnd) return undefined;
  const isRequest = (receiver.type === 'call_expression' && /\.request$/.test(receiver.childForFieldName('function')?.text ?? ''))
    || (receiver.type === 'new_expression' && /Request$/.test(receiver.childForFieldName('constructor')?.text ?? ''))
    || /(^|\.)(request|\w+Request)$/i.test(receiver.text);
  if (!isRequest) return undefined;
  const taken = [...chainEnd.text.matchAll(/\.input\(\s*['"](\w+)['"]/g)].map((m) => m[1]);
  const rendered = renderPlan(plan, '@name', [], taken);
  if (!rendered) return undefined;
  const inputs = rendered.named.map((n) => `.input('${n.name}', ${n.expression})`).join('');
  return [insert(chainEnd.endIndex, inputs), replace(request.target, literalFor(request, rendered))];
}

/** `qb.where('u.id = :id', { id })`. */
function typeormNamed(request: FixRequest, plan: Plan): OffsetEdit[] | undefined {
  const params = request.args[request.sqlIndex + 1];
  const sqlArg = request.args[request.sqlIndex];
  if (params && params.type !== 'object') return undefined;
  const pairs = params ? params.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];
  const keys = pairs.map((p) => (p.type === 'pair' ? p.childForFieldName('key')?.text ?? '' : p.text));
  const rendered = renderPlan(plan, ':name', [], keys);
  if (!rendered) return undefined;
  const properties = rendered.named.map((n) => (n.name === n.expression ? n.name : `${n.name}: ${n.expression}`)).join(', ');
  const edits = [replace(request.target, literalFor(request, rendered))];
  if (!params) edits.push(insert(sqlArg.endIndex, `, { ${properties} }`));
  else if (pairs.length === 0) edits.push(replace(params, `{ ${properties} }`));
  else edits.push(insert(pairs[pairs.length - 1].endIndex, `, ${properties}`));
  return edits;
}

/** `prisma.$queryRawUnsafe(sql, ...values)` → the tagged `prisma.$queryRaw\`...\``. */
function prismaTagged(request: FixRequest, plan: Plan): OffsetEdit[] | undefined {
  const property = calleeMember(request.call)?.childForFieldName('property');
  const argsNode = request.call.childForFieldName('arguments');
  const sqlArg = request.args[request.sqlIndex];
  if (!property || !argsNode || request.target.startIndex !== sqlArg.startIndex || request.target.endIndex !== sqlArg.endIndex) return undefined;
  const rendered = renderPlan(plan, 'prisma', request.args.slice(request.sqlIndex + 1).map((a) => a.text));
  if (!rendered) return undefined;
  return [replace(property, property.text.replace(/Unsafe$/, '')), replace(argsNode, literalFor(request, rendered, true))];
}

/** better-sqlite3: `db.prepare(sql).get()` → `db.prepare('... ?').get(value)`. */
function statementArguments(request: FixRequest, plan: Plan): OffsetEdit[] | undefined {
  const member = request.call.parent;
  const chained = member?.parent;
  if (member?.type !== 'member_expression' || chained?.type !== 'call_expression') return undefined;
  if (!/^(get|all|run|iterate)$/.test(member.childForFieldName('property')?.text ?? '')) return undefined;
  const chainedArgs = chained.childForFieldName('arguments');
  if (!chainedArgs || chainedArgs.namedChildCount > 0) return undefined;
  const rendered = renderPlan(plan, '?', []);
  if (!rendered) return undefined;
  return [replace(request.target, literalFor(request, rendered)), insert(chainedArgs.startIndex + 1, rendered.values.join(', '))];
}

/**
 * A quick fix is read before it is applied: one that would copy more code than this into the values (a call
 * holding thousands of nested calls) is not offered. It also bounds what each finding holds: the fix's text
 * would otherwise copy the code below it once per level of such nesting.
 */
const MAX_MOVED_CHARACTERS = 2000;

export function parameterizedQueryFix(request: FixRequest): FixSpec | undefined {
  const moved = request.pieces.reduce((n, p) => n + (p.kind === 'value' ? p.node.endIndex - p.node.startIndex : 0), 0);
  if (moved > MAX_MOVED_CHARACTERS) return undefined;
  const layout = request.entry.layout;
  const style = layout === 'prisma-tagged' ? '$n' : placeholderFor(request.entry, request.driver);
  if (!style || layout === 'none') return undefined;
  const plan = planParameters(request.pieces, { doubleQuoteIsString: DOUBLE_QUOTE_STRINGS.has(request.driver), identifierBindings: request.driver === 'knex' });
  if (!plan || plan.parameters.length === 0) return undefined;
  // mysql fills `?` on the client, quotes and comments or not: a `?` already in the text would take a value
  if (request.driver === 'mysql' && style === '?' && plan.parts.some((p) => p.kind === 'sql' && p.text.includes('?'))) return undefined;
  let edits: OffsetEdit[] | undefined;
  switch (layout) {
    case 'values-array': edits = valuesArray(request, plan, style); break;
    case 'sequelize-options': edits = sequelizeOptions(request, plan); break;
    case 'mssql-input': edits = mssqlInputs(request, plan); break;
    case 'typeorm-named': edits = typeormNamed(request, plan); break;
    case 'prisma-tagged': edits = prismaTagged(request, plan); break;
    case 'statement-args': edits = statementArguments(request, plan); break;
  }
  return edits ? { title: FIX_TITLE, edits: joined(edits), preferred: true } : undefined;
}
