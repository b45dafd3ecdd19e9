import type { Node } from '@vscode/tree-sitter-wasm';
import type { Piece } from './pieces';
import { valuePosition } from './sql-text';
import type { PlaceholderStyle } from './sinks';

/**
 * Turns the pieces of a built SQL string into SQL with placeholders plus the values to bind, or says
 * it cannot be done for certain. A value inside a SQL string literal (`'%${q}%'`) becomes one parameter
 * holding the literal's whole content, quotes dropped; a value where a table or column name goes, in an
 * `IN (...)` list, or inside a comment, makes the rewrite uncertain, so no fix is offered.
 */

export type PlanPart =
  | { readonly kind: 'sql'; readonly text: string }
  | { readonly kind: 'param'; readonly index: number; readonly identifier: boolean }
  | { readonly kind: 'kept'; readonly node: Node }
  /** A placeholder that was already in the text (`?`, `$1`, `:name`, `@name`). */
  | { readonly kind: 'existing'; readonly text: string };

export interface PlannedParameter {
  /** JavaScript source of the bound value. */
  readonly expression: string;
  /** The value node when the parameter is exactly one value, for naming it. */
  readonly node?: Node;
  /** What the bound value is made of, in order: literal text and values (for replaying the query). */
  readonly items: readonly RegionItem[];
}

export interface Plan {
  readonly parts: readonly PlanPart[];
  readonly parameters: readonly PlannedParameter[];
}

export interface PlanOptions {
  /** MySQL and SQLite read "..." as a string; PostgreSQL and SQL Server as a name. */
  readonly doubleQuoteIsString: boolean;
  /** knex binds identifiers with `??`. */
  readonly identifierBindings: boolean;
}

export type RegionItem = { kind: 'text'; text: string } | { kind: 'value'; node: Node } | { kind: 'kept'; node: Node };

/** Template-literal content for `text`. */
export function escapeForTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
}

function expressionText(node: Node): string {
  return node.type === 'sequence_expression' ? `(${node.text})` : node.text;
}

function regionExpression(items: readonly RegionItem[]): PlannedParameter {
  if (items.length === 1 && items[0].kind !== 'text') return { expression: expressionText(items[0].node), node: items[0].node, items };
  const body = items.map((item) => (item.kind === 'text' ? escapeForTemplate(item.text) : `\${${item.node.text}}`)).join('');
  return { expression: `\`${body}\``, items };
}

export function planParameters(pieces: readonly Piece[], options: PlanOptions): Plan | undefined {
  const parts: PlanPart[] = [];
  const parameters: PlannedParameter[] = [];
  let sql = '';
  let state: 'code' | 'string' | 'name' | 'line-comment' | 'block-comment' = 'code';
  let closer = '';
  let region: RegionItem[] = [];
  let regionRaw = '';
  const flush = (): void => { if (sql) parts.push({ kind: 'sql', text: sql }); sql = ''; };
  const addParam = (parameter: PlannedParameter, identifier: boolean): void => {
    flush();
    parts.push({ kind: 'param', index: parameters.length, identifier });
    parameters.push(parameter);
  };
  const regionHasValues = (): boolean => region.some((item) => item.kind === 'value');
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (piece.kind === 'value') {
      if (state === 'string') { region.push({ kind: 'value', node: piece.node }); continue; }
      if (state !== 'code') return undefined;
      const next = pieces[p + 1];
      const position = valuePosition(sql.slice(-40), next?.kind === 'text' ? next.text : '');
      if (position === 'list' || position === 'quoted' || position === 'dquoted') return undefined;
      if (position === 'identifier' && !options.identifierBindings) return undefined;
      addParam({ expression: expressionText(piece.node), node: piece.node, items: [{ kind: 'value', node: piece.node }] }, position === 'identifier');
      continue;
    }
    if (piece.kind === 'constant') {
      if (state === 'string') { region.push({ kind: 'kept', node: piece.node }); continue; }
      if (state === 'line-comment' || state === 'block-comment') return undefined;
      flush();
      parts.push({ kind: 'kept', node: piece.node });
      continue;
    }
    const text = piece.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      switch (state) {
        case 'string':
          if (c === closer && text[i + 1] === closer) {
            region.push({ kind: 'text', text: c });
            regionRaw += c + c;
            i++;
          } else if (c === closer) {
            state = 'code';
            if (regionHasValues()) {
              if (regionRaw.includes('\\')) return undefined;
              addParam(regionExpression(region), false);
            } else {
              sql += closer;
              for (const item of region) {
                if (item.kind === 'text') sql += item.text === closer ? closer + closer : item.text;
                else { flush(); parts.push({ kind: 'kept', node: item.node }); }
              }
              sql += closer;
            }
          } else {
            if (c === '\\' && regionHasValues()) return undefined;
            region.push({ kind: 'text', text: c });
            regionRaw += c;
          }
          break;
        case 'name':
          sql += c;
          if (c === closer) state = 'code';
          break;
        case 'line-comment':
          sql += c;
          if (c === '\n') state = 'code';
          break;
        case 'block-comment':
          sql += c;
          if (c === '/' && text[i - 1] === '*') state = 'code';
          break;
        case 'code': {
          if (c === "'" || (c === '"' && options.doubleQuoteIsString)) { state = 'string'; closer = c; region = []; regionRaw = ''; break; }
          if (c === '"' || c === '`' || c === '[') { state = 'name'; closer = c === '[' ? ']' : c; sql += c; break; }
          if (c === '-' && text[i + 1] === '-') { state = 'line-comment'; sql += c; break; }
          if (c === '/' && text[i + 1] === '*') { state = 'block-comment'; sql += c + '*'; i++; break; }
          const token = /^(\?\?|\?|\$\d+|@[A-Za-z_]\w*|:[A-Za-z_]\w*)/.exec(text.slice(i));
          const isCast = c === ':' && (text[i - 1] === ':' || text[i + 1] === ':');
          if (token && !isCast) {
            flush();
            parts.push({ kind: 'existing', text: token[0] });
            i += token[0].length - 1;
            break;
          }
          sql += c;
        }
      }
    }
  }
  if (state !== 'code' && state !== 'line-comment') return undefined;
  flush();
  return { parts, parameters };
}

/** SQL text, or a JavaScript expression to substitute into it (`${...}`). */
export type SqlSegment = { readonly text: string } | { readonly substitution: string };

export interface RenderedSql {
  /** SQL with placeholders; `kept` constants and (for Prisma) values are substitutions. */
  readonly segments: readonly SqlSegment[];
  /** Values in binding order, for positional styles. */
  readonly values: readonly string[];
  /** Names and values, for named styles. */
  readonly named: readonly { name: string; expression: string }[];
}

/** A name for a bound value: `id` for `req.params.id`, `p2` when nothing better is at hand. */
function parameterName(parameter: PlannedParameter, index: number, taken: Set<string>): string {
  let base = `p${index + 1}`;
  const node = parameter.node;
  if (node && (node.type === 'identifier' || node.type === 'member_expression')) {
    const last = node.type === 'identifier' ? node.text : node.childForFieldName('property')?.text ?? '';
    if (/^[A-Za-z_]\w*$/.test(last)) base = last;
  }
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/**
 * Writes the plan in a driver's placeholder style. `existing` are the values already bound (for positional
 * styles, in order); `takenNames` are parameter names already in use. Returns `undefined` when the existing
 * placeholders and values do not line up, so a merge would be a guess.
 */
export function renderPlan(plan: Plan, style: PlaceholderStyle | 'prisma', existing: readonly string[], takenNames: readonly string[] = []): RenderedSql | undefined {
  const existingTokens = plan.parts.filter((p): p is { kind: 'existing'; text: string } => p.kind === 'existing').map((p) => p.text);
  const values: string[] = [];
  const named: { name: string; expression: string }[] = [];
  const taken = new Set([...takenNames, ...existingTokens.map((t) => t.slice(1))]);
  const dollarMax = Math.max(0, ...existingTokens.filter((t) => /^\$\d+$/.test(t)).map((t) => Number(t.slice(1))));
  if (style === '?') {
    if (existingTokens.some((t) => t !== '?' && t !== '??') || existingTokens.length !== existing.length) return undefined;
  } else if (style === '$n' || style === 'prisma') {
    if (existingTokens.some((t) => !/^\$\d+$/.test(t)) || dollarMax !== existing.length) return undefined;
    if (style === '$n') values.push(...existing);
  } else if (style === ':n' || style === 'dialect') {
    if (existingTokens.length > 0 || existing.length > 0) return undefined;
  } else if (existingTokens.some((t) => t === '?' || /^\$\d+$/.test(t))) {
    return undefined;
  }
  let nextExisting = 0;
  const segments = plan.parts.map((part): SqlSegment | undefined => {
    switch (part.kind) {
      case 'sql': return { text: part.text };
      case 'kept':
        // in a tagged template a substitution is a bound value, not text
        return style === 'prisma' ? undefined : { substitution: part.node.text };
      case 'existing':
        if (style === '?') values.push(existing[nextExisting++]);
        return style === 'prisma' ? { substitution: existing[Number(part.text.slice(1)) - 1] } : { text: part.text };
      case 'param': {
        const parameter = plan.parameters[part.index];
        switch (style) {
          case '?': values.push(parameter.expression); return { text: part.identifier ? '??' : '?' };
          case '$n': values.push(parameter.expression); return { text: `$${values.length}` };
          case ':n': values.push(parameter.expression); return { text: `:${values.length}` };
          case 'prisma': return { substitution: parameter.expression };
          case '@name': case ':name': {
            const name = parameterName(parameter, part.index, taken);
            named.push({ name, expression: parameter.expression });
            return { text: `${style[0]}${name}` };
          }
          default: return undefined;
        }
      }
    }
  });
  if (segments.some((s) => s === undefined)) return undefined;
  return { segments: segments as SqlSegment[], values, named };
}
