import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { SqlSinkCall, TextPiece } from '../model/sql';
import { valuePosition } from '../rules/sql/sql-text';

/** SQL text with placeholders, and the source of each value to bind, in order. */
export interface PlaceholderPlan {
  readonly sql: string;
  readonly values: readonly string[];
}

/** Origins a bound parameter can take over as they are (an escaped or constant value might mean something else bound). */
const BINDABLE = new Set(['request', 'unknown', 'numeric']);

/**
 * The sink's SQL with each value replaced by a placeholder (`placeholder(i)`), or `undefined` when that is not
 * certain: a value inside a longer SQL string literal (`'%$q%'`), where a name or an `IN (...)` list goes, a
 * quoted or constant value, or literal text that is not written in the sink's own argument.
 */
export function placeholderPlan(sink: SqlSinkCall, argument: Node, tree: Tree, stringTypes: ReadonlySet<string>, placeholder: (index: number) => string): PlaceholderPlan | undefined {
  const { startOffset, endOffset } = sink.sql;
  // text assembled before the call (a variable) would need its assembly rewritten too
  if (startOffset !== argument.startIndex || endOffset !== argument.endIndex) return undefined;
  const pieces = [...sink.sql.pieces];
  if (pieces.some((p) => p.startOffset < startOffset || p.endOffset > endOffset)) return undefined;
  if (pieces.some((p) => p.kind === 'text' && !isWrittenInString(tree.rootNode, p, stringTypes))) return undefined;
  let sql = '';
  const values: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === 'text') {
      sql += piece.text;
      continue;
    }
    if (!BINDABLE.has(piece.origin)) return undefined;
    const next = pieces[i + 1];
    let after = next?.kind === 'text' ? next.text : '';
    const position = valuePosition(sql.slice(-40), after);
    if (position === 'quoted') {
      sql = sql.slice(0, -1);
      after = after.slice(1);
      if (next?.kind === 'text') pieces.splice(i + 1, 1, { ...next, text: after });
    } else if (position !== 'bare' || (sql.match(/'/g) ?? []).length % 2 === 1) {
      return undefined;
    }
    sql += placeholder(values.length);
    values.push(piece.source);
  }
  return values.length > 0 ? { sql, values } : undefined;
}

function isWrittenInString(root: Node, piece: TextPiece, stringTypes: ReadonlySet<string>): boolean {
  let node: Node | null = root.descendantForIndex(piece.startOffset, Math.max(piece.startOffset, piece.endOffset - 1));
  for (let depth = 0; node && depth < 3; depth++, node = node.parent) if (stringTypes.has(node.type)) return true;
  return false;
}

/** The statement or expression-statement line's indentation at `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}
