import type { SinkEvidence } from '../model/sql';

/**
 * One row of a language's SQL sink table: which calls send SQL text, which argument holds it, and how much
 * the text must look like SQL before the call counts. Adding a driver or framework is a new row and a test.
 */
export interface SqlSinkRow {
  /** `php.pdo.query`, `java.jdbc.statement`, `ruby.activerecord.where`. */
  readonly id: string;
  /** The API as a reader knows it, for the message. */
  readonly api: string;
  /** `function`: a plain call (`mysqli_query(...)`); `method`: on a receiver (`$pdo->query`); `static`: `DB::raw`. */
  readonly call: 'function' | 'method' | 'static';
  readonly names: readonly string[];
  /** The receiver (or class, for `static`) the call must be made on, matched against its source text. */
  readonly receiver?: RegExp;
  /** Index of the SQL argument; `last` for functions whose optional connection comes first (`pg_query`). */
  readonly sqlArgument: number | 'last';
  readonly evidence: SinkEvidence;
  /** The names also mean other things (`query`, `execute`): only text that reads as SQL makes the call a sink. */
  readonly genericNames?: true;
  /** Arguments from this index on pass values separately (bindings); absent when the API has none. */
  readonly parametersFrom?: number;
}

export function sqlArgumentIndex(row: SqlSinkRow, argumentCount: number): number {
  return row.sqlArgument === 'last' ? argumentCount - 1 : row.sqlArgument;
}

/** The rows for a call, by name and receiver; the first match wins. */
export function matchRow(rows: readonly SqlSinkRow[], call: SqlSinkRow['call'], name: string, receiver: string): SqlSinkRow | undefined {
  return rows.find((row) => row.call === call && row.names.includes(name) && (!row.receiver || row.receiver.test(receiver)));
}

/** A pattern that finds, in raw text, a call of any of the rows' names (`name(`, `name (`, `DB[`). */
export function sinkNamePattern(rows: readonly SqlSinkRow[]): RegExp {
  const names = [...new Set(rows.flatMap((row) => row.names))].map((n) => n.replace(/[?[\]]/g, (c) => `\\${c}`));
  return new RegExp(`(?:${names.join('|')})\\s*[(["'\\s]|DB\\s*\\[`);
}
