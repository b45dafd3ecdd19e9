import path = require('path');
import type { Database, SqlJsStatic } from 'sql.js';

/**
 * An in-memory SQLite database (sql.js, SQLite compiled to WASM) for replaying attacks: no server, no native
 * module, no file and no network. It starts in a few tens of milliseconds, where PostgreSQL in WASM (PGlite)
 * takes seconds to create its cluster, so one engine serves every dialect; `dialect.ts` notes what differs.
 */

function defaultWasmDir(): string {
  return path.dirname(require.resolve('sql.js'));
}

/** Rows a statement answered. */
export interface ResultSet {
  columns: string[];
  rows: unknown[][];
}

/** sql.js is loaded on first use (it is large and only the replay needs it). */
export async function openSandbox(wasmDir: string = defaultWasmDir()): Promise<Sandbox> {
  const init = require('sql.js') as (config: { locateFile(file: string): string }) => Promise<SqlJsStatic>;
  const SQL = await init({ locateFile: (file) => path.join(wasmDir, file) });
  return new Sandbox(new SQL.Database());
}

export class Sandbox {
  constructor(private readonly db: Database) {}

  /** Runs one statement with its bound values and answers its rows, at most `maxRows` of them. */
  query(sql: string, params: readonly string[] = [], maxRows = 50): ResultSet {
    const statement = this.db.prepare(sql);
    try {
      if (params.length > 0) statement.bind([...params]);
      const columns = statement.getColumnNames();
      const rows: unknown[][] = [];
      while (rows.length < maxRows && statement.step()) rows.push(statement.get());
      return { columns, rows };
    } finally {
      statement.free();
    }
  }

  /** Compiles a statement without running it: throws what SQLite finds missing (`no such table: t`). */
  check(sql: string): void {
    this.db.prepare(sql).free();
  }

  run(sql: string, params: readonly (string | number)[] = []): void {
    this.db.run(sql, [...params]);
  }

  close(): void {
    this.db.close();
  }
}
