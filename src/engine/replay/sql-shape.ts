import { valuePosition, type ValuePosition } from '../rules/sql/sql-text';
import type { QueryPart, SqlDialect } from './query';

/** Reading the flagged SQL as text: where a value sits, which statement it is, which tables it reads. */

/** Whether each value of the built text sits inside a '...' string, as a bare literal, or where no value goes. */
export type Slot = 'string' | 'bare' | 'name';

/**
 * Where the value at `index` of `parts` sits. A value anywhere inside a '...' string is a `string` slot (also
 * `'%${q}%'`); a value where a table or column name or an IN list goes is a `name` slot.
 */
export function slotOf(parts: readonly QueryPart[], index: number, dialect: SqlDialect): Slot {
  let before = '';
  let quote: string | undefined;
  for (let i = 0; i < index; i++) {
    const part = parts[i];
    const text = part.kind === 'sql' ? part.text : 'x';
    for (const c of text) {
      if (quote) { if (c === quote) quote = undefined; } else if (c === "'" || (c === '"' && doubleQuoteIsString(dialect))) quote = c;
    }
    before += text;
  }
  if (quote) return 'string';
  const next = parts[index + 1];
  const position: ValuePosition = valuePosition(before.slice(-40), next?.kind === 'sql' ? next.text : '');
  return position === 'bare' ? 'bare' : 'name';
}

function doubleQuoteIsString(dialect: SqlDialect): boolean {
  return dialect === 'mysql' || dialect === 'sqlite';
}

/** The first keyword of the statement, upper-case (`SELECT`, `DELETE`, ...). */
export function statementKeyword(sql: string): string {
  return /^[\s(]*(\w+)/.exec(sql.replace(/^\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, ''))?.[1]?.toUpperCase() ?? '';
}

const NOT_ALIAS = /^(?:where|join|on|order|group|limit|offset|left|right|inner|outer|cross|full|natural|union|having|using|set|values|window)$/i;

/** Tables named after FROM, JOIN, UPDATE and INTO, and the alias each is read under (`FROM products p`). */
export function tablesOf(sql: string): { table: string; alias: string }[] {
  const found: { table: string; alias: string }[] = [];
  for (const m of sql.matchAll(/\b(?:from|join|update|into)\s+([\w."`[\]]+)(?:\s+(?:as\s+)?([A-Za-z_]\w*))?/gi)) {
    const table = unquote(m[1]);
    if (!/^[A-Za-z_][\w.]*$/.test(table)) continue;
    const alias = m[2] && !NOT_ALIAS.test(m[2]) ? m[2] : table;
    if (!found.some((t) => t.table === table && t.alias === alias)) found.push({ table, alias });
  }
  return found;
}

export function unquote(name: string): string {
  return name.replace(/["`[\]]/g, '');
}

/** The column a value is compared with: `category = '`, `name ILIKE '%`, `p.id = `. */
export function comparedColumn(before: string): string | undefined {
  const m = /([A-Za-z_][\w]*)["`\]]?\s*(?:=|==|<>|!=|<=|>=|<|>|\blike\b|\bilike\b)\s*'?%?$/i.exec(before);
  return m?.[1];
}
