// An Express API on the mysql driver, the way tutorials and small projects often write it.
const express = require('express')
const mysql = require('mysql')
const util = require('util')

const router = express.Router()
const connection = mysql.createConnection({ host: 'localhost', user: 'app', database: 'shop' })

router.get('/users/:id', (req, res) => {
  connection.query('SELECT * FROM users WHERE id = ' + req.params.id, (err, rows) => { // expect: sql-concatenation
    if (err) return res.status(500).end()
    res.json(rows[0])
  })
})

router.get('/users', (req, res) => {
  let sql = 'SELECT id, name FROM users WHERE 1 = 1'
  if (req.query.name) sql += " AND name LIKE '%" + req.query.name + "%'"
  if (req.query.role) sql += ' AND role = ' + connection.escape(req.query.role)
  connection.query(sql, (err, rows) => res.json(rows)) // expect: sql-concatenation
})

router.get('/users-safe', (req, res) => {
  let sql = 'SELECT id, name FROM users WHERE 1 = 1'
  const params = []
  if (req.query.name) { sql += ' AND name LIKE ?'; params.push('%' + req.query.name + '%') }
  if (req.query.role) { sql += ' AND role = ?'; params.push(req.query.role) }
  connection.query(sql, params, (err, rows) => res.json(rows)) // clean
})

router.post('/login', (req, res) => {
  const { username, password } = req.body
  const q = util.format("SELECT * FROM accounts WHERE username = '%s' AND password = '%s'", username, password)
  connection.query(q, (err, rows) => res.json({ ok: rows.length > 0 })) // expect: sql-concatenation
})

router.post('/login-safe', (req, res) => {
  connection.query('SELECT * FROM accounts WHERE username = ? AND password_hash = ?', [req.body.username, req.body.hash], (err, rows) => { // clean
    res.json({ ok: !err && rows.length > 0 })
  })
})

router.put('/users/:id/email', (req, res) => {
  const sql = 'UPDATE users SET email = "' + req.body.email + '" WHERE id = ' + req.params.id
  connection.query(sql, () => res.sendStatus(204)) // expect: sql-concatenation
})

router.delete('/sessions/:token', (req, res) => {
  connection.query(`DELETE FROM sessions WHERE token = '${req.params.token}'`, () => res.sendStatus(204)) // expect: sql-concatenation
})

router.get('/orders', (req, res) => {
  const columns = { date: 'created_at', total: 'total', id: 'id' }
  const sort = columns[req.query.sort] || 'id'
  const direction = req.query.dir === 'desc' ? 'DESC' : 'ASC'
  connection.query(`SELECT * FROM orders ORDER BY ${sort} ${direction} LIMIT ?`, [Number(req.query.limit) || 20], (err, rows) => res.json(rows)) // clean
})

router.get('/orders/by-column', (req, res) => {
  connection.query('SELECT * FROM orders ORDER BY ' + mysql.escapeId(req.query.sort), (err, rows) => res.json(rows)) // clean
})

router.get('/orders/raw-sort', (req, res) => {
  connection.query('SELECT * FROM orders ORDER BY ' + req.query.sort + ' ' + req.query.dir, (err, rows) => res.json(rows)) // expect: sql-concatenation
})

router.get('/search', (req, res) => {
  const term = req.query.q
  const sql = ['SELECT * FROM products', 'WHERE title LIKE', "'%" + term + "%'"].join(' ')
  connection.query(sql, (err, rows) => res.json(rows)) // expect: sql-concatenation
})

router.get('/report/:year', (req, res) => {
  const year = parseInt(req.params.year, 10)
  connection.query('SELECT month, SUM(total) AS total FROM orders WHERE YEAR(created_at) = ' + year + ' GROUP BY month', (err, rows) => res.json(rows)) // clean
})

router.post('/audit', (req, res) => {
  const entry = 'INSERT INTO audit (actor, action) VALUES (' + connection.escape(req.user.name) + ', ' + connection.escape(req.body.action) + ')'
  connection.query(entry, () => res.sendStatus(201)) // clean
})

router.get('/tags', (req, res) => {
  const tags = String(req.query.tags || '').split(',')
  connection.query('SELECT * FROM tags WHERE name IN (?)', [tags], (err, rows) => res.json(rows)) // clean
})

router.get('/by-status', (req, res) => {
  const sql = 'SELECT * FROM orders WHERE status = '.concat("'", req.query.status, "'")
  connection.query(sql, (err, rows) => res.json(rows)) // expect: sql-concatenation
})

module.exports = router
