import type { SinkEvidence } from '../../model/sql';

/**
 * Python calls that send SQL text to a database, as data rows (`../shared/DESIGN.md`, "Knowledge as data").
 * Adding a driver is a row and a test. Placeholder styles follow each driver's `paramstyle` (PEP 249).
 */

/** How a driver writes placeholders: `%s` (format), `?` (qmark), `$1` (numeric, asyncpg), `:name` (SQLAlchemy `text()`). */
export type PlaceholderStyle = 'format' | 'qmark' | 'dollar' | 'named';

/** How the fix passes the values: a parameters argument after the SQL, positional arguments, or `text().bindparams()`. */
export type ParameterLayout = 'sequence' | 'list' | 'arguments' | 'bindparams';

export interface PySinkRow {
  readonly id: string;
  /** The name called: a method (`execute`) or a function (`text`, `RawSQL`). */
  readonly name: string;
  /** The API as a reader knows it, for the message. */
  readonly api: string;
  /** `method`: called on an object; `function`: bare or through a module (`sa.text`); `either`. */
  readonly callee: 'method' | 'function' | 'either';
  /** Modules the file must import for the row to apply (any one of them); absent: any file. */
  readonly imports?: readonly string[];
  /** Receivers (the text before the method name) the row asks for; absent: any receiver. */
  readonly receiver?: RegExp;
  /** Which argument holds the SQL: a position, and the keyword it may be passed as. */
  readonly sqlArgument: number;
  readonly sqlKeywords: readonly string[];
  /** Where values go when passed separately: a position and keywords, or `rest` (every later positional argument). */
  readonly parameters: { readonly position?: number; readonly rest?: boolean; readonly keywords: readonly string[] } | 'none';
  /** How much the text must look like SQL; a generic name on an object not known as a database handle asks for a statement. */
  readonly evidence: SinkEvidence;
  /** The placeholders the fix writes: a fixed style, `driver` (read from the file's database imports), or none (no fix). */
  readonly placeholder: PlaceholderStyle | 'driver' | 'none';
  readonly layout: ParameterLayout;
  /** Keyword arguments that each hold SQL fragments (Django `extra(where=[...], select={...})`) instead of one SQL argument. */
  readonly fragmentKeywords?: readonly string[];
}

/** Receivers that are database handles by name or by how they are made: cursors, connections, sessions, engines. */
export const DB_HANDLE = /(?:^|[._])(?:cur|curs|cursor|cursors?|c|cr|conn|connection|con|cnx|db|database|session|sess|engine|transaction|tx|txn|trans|pool|dbconn|db_conn|db_session|dbsession|sqlite|mysql|pg|postgres|psql)\w*$|cursor\(\s*\)$|connect\([^)]*\)$|get_db\(\s*\)$|\bg\.db$/i;

const DBAPI_PARAMETERS = { position: 1, keywords: ['params', 'parameters', 'args', 'vars', 'parameters_seq', 'seq_of_parameters'] };

export const PY_SINKS: readonly PySinkRow[] = [
  { id: 'python.dbapi.execute', name: 'execute', api: 'cursor.execute', callee: 'method', sqlArgument: 0, sqlKeywords: ['query', 'operation', 'sql', 'statement'], parameters: DBAPI_PARAMETERS, evidence: 'sql', placeholder: 'driver', layout: 'sequence' },
  { id: 'python.dbapi.executemany', name: 'executemany', api: 'cursor.executemany', callee: 'method', sqlArgument: 0, sqlKeywords: ['query', 'operation', 'sql'], parameters: DBAPI_PARAMETERS, evidence: 'sql', placeholder: 'none', layout: 'sequence' },
  { id: 'python.sqlite3.executescript', name: 'executescript', api: 'cursor.executescript', callee: 'method', sqlArgument: 0, sqlKeywords: ['sql_script'], parameters: 'none', evidence: 'sql', placeholder: 'none', layout: 'sequence' },
  { id: 'python.psycopg2.copy_expert', name: 'copy_expert', api: 'cursor.copy_expert', callee: 'method', sqlArgument: 0, sqlKeywords: ['sql'], parameters: 'none', evidence: 'sql', placeholder: 'none', layout: 'sequence' },
  ...['fetch', 'fetchrow', 'fetchval'].map((name): PySinkRow => ({
    id: `python.asyncpg.${name}`, name, api: `connection.${name}`, callee: 'method', imports: ['asyncpg'], sqlArgument: 0, sqlKeywords: ['query'], parameters: { rest: true, keywords: [] }, evidence: 'sql', placeholder: 'dollar', layout: 'arguments',
  })),
  { id: 'python.peewee.execute_sql', name: 'execute_sql', api: 'database.execute_sql', callee: 'method', sqlArgument: 0, sqlKeywords: ['sql'], parameters: { position: 1, keywords: ['params'] }, evidence: 'sql', placeholder: 'none', layout: 'sequence' },
  // web.py's and records' `db.query(sql)`, and any `query` method given a whole statement (SQLAlchemy's `session.query(Model)` takes no text)
  { id: 'python.generic.query', name: 'query', api: 'db.query', callee: 'method', sqlArgument: 0, sqlKeywords: ['sql', 'query'], parameters: { position: 1, keywords: ['vars', 'params', 'parameters'] }, evidence: 'sql', placeholder: 'none', layout: 'sequence' },
  ...['fetch_all', 'fetch_one', 'fetch_val', 'iterate'].map((name): PySinkRow => ({
    id: `python.databases.${name}`, name, api: `database.${name}`, callee: 'method', imports: ['databases'], sqlArgument: 0, sqlKeywords: ['query'], parameters: { keywords: ['values'] }, evidence: 'sql', placeholder: 'none', layout: 'sequence',
  })),
  { id: 'python.sqlalchemy.exec_driver_sql', name: 'exec_driver_sql', api: 'connection.exec_driver_sql', callee: 'method', sqlArgument: 0, sqlKeywords: ['statement'], parameters: { position: 1, keywords: ['parameters'] }, evidence: 'sql', placeholder: 'none', layout: 'sequence' },
  { id: 'python.sqlalchemy.text', name: 'text', api: 'sqlalchemy.text', callee: 'function', imports: ['sqlalchemy', 'sqlmodel', 'flask_sqlalchemy'], sqlArgument: 0, sqlKeywords: ['text'], parameters: 'none', evidence: 'built', placeholder: 'named', layout: 'bindparams' },
  { id: 'python.django.raw', name: 'raw', api: 'Model.objects.raw', callee: 'method', receiver: /(?:\bobjects|_set|[Mm]anager)(?:\(\))?$/, sqlArgument: 0, sqlKeywords: ['raw_query'], parameters: { position: 1, keywords: ['params'] }, evidence: 'built', placeholder: 'format', layout: 'list' },
  { id: 'python.django.extra', name: 'extra', api: 'QuerySet.extra', callee: 'method', sqlArgument: -1, sqlKeywords: [], parameters: { keywords: ['params', 'select_params'] }, evidence: 'sql', placeholder: 'none', layout: 'list', fragmentKeywords: ['where', 'select', 'order_by', 'tables'] },
  { id: 'python.django.RawSQL', name: 'RawSQL', api: 'RawSQL', callee: 'function', sqlArgument: 0, sqlKeywords: ['sql'], parameters: { position: 1, keywords: ['params'] }, evidence: 'built', placeholder: 'none', layout: 'list' },
  ...['read_sql', 'read_sql_query'].map((name): PySinkRow => ({
    id: `python.pandas.${name}`, name, api: `pandas.${name}`, callee: 'either', imports: ['pandas'], sqlArgument: 0, sqlKeywords: ['sql'], parameters: { keywords: ['params'] }, evidence: 'sql', placeholder: 'none', layout: 'sequence',
  })),
];

/** Rows for the project's own functions configured as sinks (`sql.extraSinks`): SQL first, no fix. */
export function configuredRows(names: readonly string[]): PySinkRow[] {
  return names.map((name) => ({ id: 'config.extraSinks', name, api: name, callee: 'either', sqlArgument: 0, sqlKeywords: [], parameters: { position: 1, keywords: [] }, evidence: 'sql', placeholder: 'none', layout: 'sequence' }));
}

/** A look at the text alone: the names of every row, called. */
export const SINK_CALL_PATTERN = new RegExp(`\\b(?:${[...new Set(PY_SINKS.map((row) => row.name))].join('|')})\\s*\\(`);

/** Database modules and the placeholders their `execute` takes; a module whose style depends on the database says `undefined`. */
export const DRIVER_STYLES: Readonly<Record<string, PlaceholderStyle | undefined>> = {
  sqlite3: 'qmark', aiosqlite: 'qmark', pyodbc: 'qmark',
  psycopg2: 'format', psycopg: 'format', pymysql: 'format', MySQLdb: 'format', 'mysql.connector': 'format', aiopg: 'format', aiomysql: 'format', 'django.db': 'format', pgdb: 'format',
  asyncpg: 'dollar',
  sqlalchemy: undefined, sqlmodel: undefined, flask_sqlalchemy: undefined, pandas: undefined, cx_Oracle: undefined, oracledb: undefined, databases: undefined, peewee: undefined,
};
