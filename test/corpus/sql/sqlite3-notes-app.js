// A small notes app on sqlite3, with the callback API and the usual mistakes.
const sqlite3 = require('sqlite3').verbose()
const db = new sqlite3.Database('./notes.db')

db.serialize(() => {
  db.run('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT, title TEXT, body TEXT)') // clean
})

function notesFor(owner, cb) {
  db.all("SELECT * FROM notes WHERE owner = '" + owner + "'", cb) // expect: sql-concatenation
}

function notesForSafe(owner, cb) {
  db.all('SELECT * FROM notes WHERE owner = ?', [owner], cb) // clean
}

function note(id, cb) {
  db.get(`SELECT * FROM notes WHERE id = ${id}`, cb) // expect: sql-concatenation
}

function noteSafe(id, cb) {
  db.get('SELECT * FROM notes WHERE id = $id', { $id: id }, cb) // clean
}

function addNote(owner, title, body, cb) {
  db.run(`INSERT INTO notes (owner, title, body) VALUES ('${owner}', '${title}', '${body}')`, cb) // expect: sql-concatenation
}

function addNoteSafe(owner, title, body, cb) {
  db.run('INSERT INTO notes (owner, title, body) VALUES (?, ?, ?)', [owner, title, body], cb) // clean
}

function eachTitle(owner, onRow, done) {
  db.each('SELECT title FROM notes WHERE owner = "' + owner + '"', onRow, done) // expect: sql-concatenation
}

function wipe(owner) {
  db.exec("DELETE FROM notes WHERE owner = '" + owner + "'") // expect: sql-concatenation
}

function renameAll(owner, prefix) {
  const stmt = db.prepare('UPDATE notes SET title = ' + "'" + prefix + "' || title WHERE owner = ?") // expect: sql-concatenation
  stmt.run(owner)
  stmt.finalize()
}

function latest(limit, cb) {
  const n = Math.min(parseInt(limit, 10) || 10, 100)
  db.all('SELECT * FROM notes ORDER BY id DESC LIMIT ' + n, cb) // clean
}

module.exports = { notesFor, notesForSafe, note, noteSafe, addNote, addNoteSafe, eachTitle, wipe, renameAll, latest }
