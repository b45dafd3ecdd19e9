import type { Sandbox } from './sandbox';
import { tablesOf } from './sql-shape';

/**
 * A small schema made up for the learner's query: the tables and columns it reads, found by asking the
 * database what is missing (`no such table`, `no such column`) until the query compiles, then a few rows in
 * each table, plus a table of accounts the query never asked for, which a UNION attack can read.
 */

export const SECRET_TABLE = 'users';
const SECRET_COLUMNS = ['email', 'password_hash'];
const ROWS = 4;
const MAX_STEPS = 40;

export interface SeededSchema {
  /** Tables in creation order with their columns (`id` first). */
  readonly tables: ReadonlyMap<string, readonly string[]>;
  /** The statements that made it, to show the learner. */
  readonly statements: readonly string[];
}

/** Columns that hold numbers, so `id = '1'` compares as SQLite compares a number with a numeric column. */
const NUMERIC = /(?:^|_)(?:id|count|qty|quantity|stock|price|amount|total|age|year|cents|number|rank|score|level)$|Id$/i;
/** Flags, seeded true (1), so a filter such as `active = 1` keeps the rows an honest input should find. */
const FLAG = /^(?:is_\w+|has_\w+|active|enabled|verified|published|visible|approved)$/i;

const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A row value that says which row and column it is, so a leaked row is recognisable. */
export function seedValue(table: string, column: string, row: number): string | number {
  if (FLAG.test(column)) return 1;
  if (column === 'id' || NUMERIC.test(column)) return row;
  if (table === SECRET_TABLE && column === 'email') return ['ada', 'grace', 'alan', 'edsger'][row - 1] + '@example.com';
  if (/password|hash|secret|token/i.test(column)) return `fake-hash-of-${table}-${row}`;
  if (/email/i.test(column)) return `${table}-${row}@example.com`;
  return `${column}-${row}`;
}

/**
 * Creates what `sql` reads, or answers why it cannot (an error SQLite gives that is not a missing table or
 * column, such as a syntax error or a function it lacks).
 */
export function buildSchema(sandbox: Sandbox, sql: string): SeededSchema | { error: string } {
  const tables = new Map<string, string[]>();
  const statements: string[] = [];
  const aliases = tablesOf(sql);
  const create = (table: string): void => {
    const statement = `CREATE TABLE ${quoteName(table)} (id INTEGER PRIMARY KEY)`;
    sandbox.run(statement);
    statements.push(statement);
    tables.set(table, ['id']);
  };
  const addColumn = (table: string, column: string): void => {
    const statement = `ALTER TABLE ${quoteName(table)} ADD COLUMN ${quoteName(column)} ${NUMERIC.test(column) || FLAG.test(column) ? 'INTEGER' : 'TEXT'}`;
    sandbox.run(statement);
    statements.push(statement);
    tables.get(table)?.push(column);
  };
  for (let step = 0; step < MAX_STEPS; step++) {
    const missing = missingThing(sandbox, sql);
    if (!missing) break;
    if ('error' in missing) return missing;
    if (missing.table !== undefined) {
      if (tables.has(missing.table) || missing.table.includes('.')) return { error: `the replay cannot create the table ${missing.table}` };
      create(missing.table);
      continue;
    }
    const owner = missing.qualifier
      ? aliases.find((t) => t.alias === missing.qualifier || t.table === missing.qualifier)?.table
      : aliases.find((t) => tables.has(t.table))?.table;
    if (!owner || !tables.has(owner) || tables.get(owner)?.includes(missing.column)) return { error: `the replay cannot tell which table has the column ${missing.column}` };
    addColumn(owner, missing.column);
  }
  if (!tables.has(SECRET_TABLE)) create(SECRET_TABLE);
  for (const column of SECRET_COLUMNS) if (!tables.get(SECRET_TABLE)?.includes(column)) addColumn(SECRET_TABLE, column);
  for (const [table, columns] of tables) {
    for (let row = 1; row <= ROWS; row++) {
      const values = columns.map((c) => seedValue(table, c, row));
      const statement = `INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES (${values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ')})`;
      sandbox.run(statement);
      statements.push(statement);
    }
  }
  return { tables, statements };
}

type Missing = { table: string } | { table?: undefined; column: string; qualifier?: string } | { error: string };

function missingThing(sandbox: Sandbox, sql: string): Missing | undefined {
  try {
    sandbox.check(sql);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const table = /^no such table: (?:main\.)?([\w.]+)/.exec(message);
    if (table) return { table: table[1] };
    const column = /^no such column: (?:([\w]+)\.)?(\w+)/.exec(message);
    if (column) return { column: column[2], qualifier: column[1] };
    return { error: message };
  }
}
