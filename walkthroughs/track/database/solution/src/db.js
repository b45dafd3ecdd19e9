const fs = require('node:fs');
const path = require('node:path');
const initSqlJs = require('sql.js');

const MIGRATIONS_FOLDER = path.join(__dirname, '..', 'migrations');

/**
 * Opens the SQLite database in `file` (':memory:' for none) with sql.js: SQLite compiled to WebAssembly, so
 * npm install builds nothing. sql.js keeps the database in memory; every write is saved back to the file.
 */
async function openDatabase(file) {
  const SQL = await initSqlJs();
  const inMemory = file === ':memory:';
  const db = new SQL.Database(!inMemory && fs.existsSync(file) ? fs.readFileSync(file) : undefined);
  db.run('PRAGMA foreign_keys = ON');

  function save() {
    if (inMemory) return;
    fs.writeFileSync(file, db.export());
    // export() reopens the database, which resets its pragmas
    db.run('PRAGMA foreign_keys = ON');
  }

  /** Rows of a query. Values always travel in `params`, bound by SQLite: the SQL text stays a constant. */
  function all(sql, params = []) {
    const statement = db.prepare(sql);
    try {
      statement.bind(params);
      const rows = [];
      while (statement.step()) rows.push(statement.getAsObject());
      return rows;
    } finally {
      statement.free();
    }
  }

  /** Runs a write, saves the file, and says how many rows changed and the id of an inserted row. */
  function run(sql, params = []) {
    db.run(sql, params);
    const changes = db.getRowsModified();
    const [{ id }] = all('SELECT last_insert_rowid() AS id');
    save();
    return { changes, lastId: id };
  }

  migrate(db, all);
  save();
  return { all, get: (sql, params) => all(sql, params)[0], run, close: () => db.close() };
}

/**
 * Applies the .sql files of migrations/ not applied yet, in name order, each in a transaction, and records
 * them in schema_migrations, so every start (and every copy of the database) ends at the same schema.
 */
function migrate(db, all) {
  db.run('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime(\'now\')))');
  const applied = new Set(all('SELECT name FROM schema_migrations').map((row) => row.name));
  const pending = fs.readdirSync(MIGRATIONS_FOLDER).filter((name) => name.endsWith('.sql') && !applied.has(name)).sort();
  for (const name of pending) {
    db.run('BEGIN');
    try {
      db.exec(fs.readFileSync(path.join(MIGRATIONS_FOLDER, name), 'utf8'));
      db.run('INSERT INTO schema_migrations (name) VALUES (?)', [name]);
      db.run('COMMIT');
    } catch (error) {
      db.run('ROLLBACK');
      throw new Error(`migration ${name} failed: ${error.message}`);
    }
  }
}

module.exports = { openDatabase };
