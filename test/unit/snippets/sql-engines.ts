import { PGlite } from '@electric-sql/pglite';
import initSqlJs from 'sql.js';

/** The SQL dialects a snippet description can name, and whether an engine runs here offline, in process. */
export const SQL_DIALECTS = ['PostgreSQL', 'SQLite', 'MySQL', 'MariaDB'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];
export const OFFLINE_ENGINES: ReadonlySet<SqlDialect> = new Set(['PostgreSQL', 'SQLite']);

/** Snippets whose only dialect has no engine here, with the reason they are not run. */
export const NOT_RUN_OFFLINE: Readonly<Record<string, string>> = {
  'bg-sql-upsert-mysql': 'ON DUPLICATE KEY UPDATE with a row alias exists only in MySQL, and no MySQL engine runs in process offline',
};

/**
 * The dialects listed in the parenthesis before `Guide:`, up to its first semicolon: "(PostgreSQL, SQLite)",
 * "(MySQL 8.0.19+; MariaDB needs ...)" lists MySQL only.
 */
export function statedDialects(description: string): SqlDialect[] {
  const stated = (/\(([^()]*)\)\.?\s*Guide:/.exec(description)?.[1] ?? '').split(';')[0];
  return SQL_DIALECTS.filter((dialect) => new RegExp(`\\b${dialect}\\b`).test(stated));
}

/** What the snippet's statements need to exist before they run: tables named by the defaults, with rows. */
export const SQL_FIXTURES: Readonly<Record<string, string>> = {
  'bg-sql-create-table': 'CREATE TABLE customers (id bigint PRIMARY KEY);',
  'bg-sql-foreign-key': 'CREATE TABLE orders (id bigint PRIMARY KEY); CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint);',
  'bg-sql-index': 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamp);',
  'bg-sql-partial-unique-index': 'CREATE TABLE subscriptions (id bigint PRIMARY KEY, customer_id bigint, status text);',
  'bg-sql-transaction': 'CREATE TABLE accounts (id bigint PRIMARY KEY, balance integer); INSERT INTO accounts VALUES (1, 500), (2, 0);',
  'bg-sql-select-for-update': 'CREATE TABLE products (id bigint PRIMARY KEY, stock integer); INSERT INTO products VALUES (42, 5);',
  'bg-sql-join': "CREATE TABLE customers (id bigint PRIMARY KEY, email text); CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamptz); INSERT INTO customers VALUES (1, 'a@example.com'); INSERT INTO orders VALUES (1, 1, now());",
  'bg-sql-left-join': "CREATE TABLE customers (id bigint PRIMARY KEY, email text); CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint); INSERT INTO customers VALUES (1, 'a@example.com'), (2, 'b@example.com'); INSERT INTO orders VALUES (1, 1);",
  'bg-sql-keyset-pagination': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text, created_at timestamptz);',
  'bg-sql-upsert': 'CREATE TABLE inventory (sku text PRIMARY KEY, quantity integer NOT NULL);',
  'bg-sql-prepare': "CREATE TABLE users (id bigint PRIMARY KEY, email text); INSERT INTO users VALUES (1, 'ada@example.com');",
};

/** What a snippet must have done after running twice: a transaction or an upsert has a defined effect. */
export const SQL_EFFECTS: Readonly<Record<string, { query: string; rows: unknown[][] }>> = {
  'bg-sql-transaction': { query: 'SELECT id, balance FROM accounts ORDER BY id', rows: [[1, 300], [2, 200]] },
  'bg-sql-upsert': { query: 'SELECT sku, quantity FROM inventory', rows: [['ABC-1', 20]] },
  'bg-sql-select-for-update': { query: 'SELECT stock FROM products', rows: [[3]] },
};

export interface SqlEngine {
  /** Runs setup, then the snippet `times` times, in a fresh namespace; answers the rows of `query`, or throws. */
  run(setup: string, sql: string, times: number, query?: string): Promise<unknown[][]>;
  /** One statement with $n parameters in the namespace of the last run, answered as pg answers (bigint as text). */
  query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

/** PostgreSQL compiled to WASM (PGlite): one instance, one schema per snippet. */
export async function postgresEngine(): Promise<SqlEngine> {
  const db = new PGlite();
  await db.waitReady;
  let n = 0;
  return {
    async run(setup, sql, times, query) {
      const schema = `snippet_${++n}`;
      await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
      await db.exec(setup);
      for (let i = 0; i < times; i++) await db.exec(sql);
      if (!query) return [];
      const result = await db.query<Record<string, unknown>>(query, [], { rowMode: 'array' } as never);
      return (result.rows as unknown as unknown[][]).map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
    },
    // OID 20 is int8 (bigint): pg hands it over as a string, since a JS number cannot hold every value.
    query: (text, params) => db.query<Record<string, unknown>>(text, params, { parsers: { 20: (value: string) => value } }),
    close: () => db.close(),
  };
}

/** SQLite compiled to WASM (sql.js): a new in-memory database per snippet. */
export async function sqliteEngine(): Promise<SqlEngine> {
  const SQL = await initSqlJs();
  return {
    async run(setup, sql, times, query) {
      const db = new SQL.Database();
      try {
        db.exec(setup);
        for (let i = 0; i < times; i++) db.exec(sql);
        return query ? db.exec(query)[0]?.values ?? [] : [];
      } finally {
        db.close();
      }
    },
    query: () => Promise.reject(new Error('the SQLite engine keeps no database between runs')),
    close: async () => undefined,
  };
}
