// A synchronous store on better-sqlite3.
import Database from 'better-sqlite3'

const db = new Database('app.db')
db.pragma('journal_mode = WAL')
db.exec('CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT)') // clean

const getStmt = db.prepare('SELECT value FROM kv WHERE key = ?') // clean

export function get(key: string) {
  return getStmt.get(key)
}

export function getUnsafe(key: string) {
  return db.prepare("SELECT value FROM kv WHERE key = '" + key + "'").get() // expect: sql-concatenation
}

export function put(key: string, value: string) {
  db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)').run(key, value) // clean
}

export function putUnsafe(key: string, value: string) {
  db.prepare(`INSERT OR REPLACE INTO kv (key, value) VALUES ('${key}', '${value}')`).run() // expect: sql-concatenation
}

export function drop(prefix: string) {
  db.exec(`DELETE FROM kv WHERE key LIKE '${prefix}%'`) // expect: sql-concatenation
}

export function keys(limit: number) {
  return db.prepare(`SELECT key FROM kv ORDER BY key LIMIT ${limit}`).all() // clean
}

export function byNamedParams(key: string) {
  return db.prepare('SELECT value FROM kv WHERE key = @key').get({ key }) // clean
}
