import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import type { ParameterizedQuery, QueryPart, ReplayableQuery, SqlDialect } from '../../replay/query';
import { DOUBLE_QUOTE_STRINGS } from './fix';
import { isRequestRead } from './origins';
import { planParameters, type RegionItem } from './parameterize';
import type { Piece } from './pieces';
import type { ScopeIndex } from './scope';
import { DRIVER_PLACEHOLDER, type DriverId } from './sinks';

/**
 * The flagged query as text for the attack replay (`src/engine/replay/`): the pieces the rule read, and the
 * parameterized form the quick fix plans from the same pieces, so the replay shows the fix the learner gets.
 */

const DIALECTS: Readonly<Partial<Record<DriverId, SqlDialect>>> = {
  pg: 'postgres', 'pg-promise': 'postgres', postgres: 'postgres', mysql: 'mysql', sqlite3: 'sqlite', 'better-sqlite3': 'sqlite',
  mssql: 'mssql', oracledb: 'oracle',
};

const keyOf = (node: Node): string => `${node.startIndex}:${node.endIndex}`;

/** A request read, directly or through a name bound to one (`const category = req.query.category`). */
function readsRequest(node: Node, scopes: ScopeIndex): boolean {
  const target = unwrap(node);
  if (isRequestRead(target)) return true;
  const root = target.type === 'member_expression' ? target.text.match(/^[A-Za-z_$][\w$]*/)?.[0] : target.type === 'identifier' ? target.text : undefined;
  const id = root && (target.type === 'identifier' ? target : target.descendantsOfType('identifier').find((n) => n?.text === root));
  const binding = id ? scopes.resolve(id)?.binding : undefined;
  if (!binding) return false;
  if (isRequestRead(target, binding)) return true;
  const init = binding.init ?? binding.declarator?.childForFieldName('value') ?? undefined;
  // `req.query.q || ''`, `String(req.body.name)`: a request read inside the value counts
  return !!init && [unwrap(init), ...init.descendantsOfType('member_expression')].some((n) => n !== null && isRequestRead(n));
}

export function replayableQuery(pieces: readonly Piece[], driver: DriverId, scopes: ScopeIndex): ReplayableQuery {
  const values: { source: string; fromRequest: boolean; unsafe: boolean }[] = [];
  const indexOf = new Map<string, number>();
  const constants = new Map<string, string>();
  const valueIndex = (node: Node, unsafe: boolean): number => {
    const key = keyOf(node);
    const known = indexOf.get(key);
    if (known !== undefined) return known;
    values.push({ source: node.text, fromRequest: unsafe && readsRequest(node, scopes), unsafe });
    indexOf.set(key, values.length - 1);
    return values.length - 1;
  };
  const built: QueryPart[] = pieces.map((piece): QueryPart => {
    if (piece.kind === 'value') return { kind: 'value', value: valueIndex(piece.node, !piece.safe) };
    if (piece.kind === 'constant') constants.set(keyOf(piece.node), piece.text);
    return { kind: 'sql', text: piece.text };
  });
  const parameterized = parameterizedForm(pieces, driver, (node) => indexOf.get(keyOf(node)), (node) => constants.get(keyOf(node)));
  return { values, built, ...(parameterized ? { parameterized } : {}), dialect: DIALECTS[driver] ?? 'unknown', placeholder: DRIVER_PLACEHOLDER[driver] ?? '?' };
}

function parameterizedForm(
  pieces: readonly Piece[], driver: DriverId, valueAt: (node: Node) => number | undefined, constantAt: (node: Node) => string | undefined,
): ParameterizedQuery | undefined {
  const plan = planParameters(pieces, { doubleQuoteIsString: DOUBLE_QUOTE_STRINGS.has(driver), identifierBindings: false });
  // placeholders already in the text bind values the pieces do not hold
  if (!plan || plan.parameters.length === 0 || plan.parts.some((p) => p.kind === 'existing')) return undefined;
  const sql: string[] = [''];
  const bound: QueryPart[][] = [];
  const item = (region: RegionItem): QueryPart | undefined => {
    if (region.kind === 'text') return { kind: 'sql', text: region.text };
    if (region.kind === 'kept') return { kind: 'sql', text: constantAt(region.node) ?? region.node.text };
    const value = valueAt(region.node);
    return value === undefined ? undefined : { kind: 'value', value };
  };
  for (const part of plan.parts) {
    if (part.kind === 'sql') sql[sql.length - 1] += part.text;
    else if (part.kind === 'kept') sql[sql.length - 1] += constantAt(part.node) ?? part.node.text;
    else if (part.kind === 'param') {
      const parts = plan.parameters[part.index].items.map(item);
      if (parts.some((p) => p === undefined)) return undefined;
      bound.push(parts as QueryPart[]);
      sql.push('');
    }
  }
  return { sql, bound };
}
