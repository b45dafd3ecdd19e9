// A mysql2 service written carefully: placeholders, escapers, allow-lists, generated placeholder lists.
const mysql = require('mysql2/promise')
const SqlString = require('sqlstring')

const pool = mysql.createPool({ uri: process.env.DATABASE_URL })
const TABLE = 'customers'
const SORT_COLUMNS = { name: 'name', created: 'created_at', spend: 'lifetime_spend' }

async function byId(id) {
  const [rows] = await pool.execute('SELECT * FROM customers WHERE id = ?', [id]) // clean
  return rows[0]
}

async function byIds(ids) {
  const placeholders = ids.map(() => '?').join(', ')
  const [rows] = await pool.query(`SELECT * FROM ${TABLE} WHERE id IN (${placeholders})`, ids) // clean
  return rows
}

async function byIdsFill(ids) {
  const [rows] = await pool.query('SELECT * FROM ' + TABLE + ' WHERE id IN (' + new Array(ids.length).fill('?').join(',') + ')', ids) // clean
  return rows
}

async function list(sortKey, direction, page) {
  const column = SORT_COLUMNS[sortKey] || 'id'
  const dir = direction === 'desc' ? 'DESC' : 'ASC'
  const limit = 25
  const offset = Math.max(0, parseInt(page, 10) - 1) * limit
  const [rows] = await pool.query(`SELECT * FROM ${TABLE} ORDER BY ${column} ${dir} LIMIT ${limit} OFFSET ${offset}`) // clean
  return rows
}

async function update(id, fields) {
  const allowed = ['name', 'email', 'phone']
  const sets = []
  const values = []
  for (const key of allowed) {
    if (fields[key] !== undefined) { sets.push(key + ' = ?'); values.push(fields[key]) }
  }
  values.push(id)
  await pool.query('UPDATE customers SET ' + sets.join(', ') + ' WHERE id = ?', values) // clean
}

async function search(term) {
  const like = '%' + term + '%'
  const [rows] = await pool.query('SELECT * FROM customers WHERE name LIKE ? OR email LIKE ?', [like, like]) // clean
  return rows
}

async function escapedSearch(term) {
  const sql = 'SELECT * FROM customers WHERE name = ' + SqlString.escape(term) + ' OR email = ' + pool.escape(term)
  const [rows] = await pool.query(sql) // clean
  return rows
}

async function formatted(name, city) {
  const sql = mysql.format('SELECT * FROM customers WHERE name = ? AND city = ?', [name, city])
  const [rows] = await pool.query(sql) // clean
  return rows
}

async function byColumn(column, value) {
  const [rows] = await pool.query('SELECT * FROM customers WHERE ?? = ?', [column, value]) // clean
  return rows
}

async function insertMany(rows) {
  await pool.query('INSERT INTO customers (name, email) VALUES ?', [rows.map((r) => [r.name, r.email])]) // clean
}

async function bulkInsert(customers) {
  const tuples = customers.map(() => '(?, ?)').join(', ')
  const values = customers.flatMap((c) => [c.name, c.email])
  await pool.query(`INSERT INTO customers (name, email) VALUES ${tuples}`, values) // clean
}

async function recent(days) {
  const n = Number(days)
  const [rows] = await pool.query('SELECT * FROM customers WHERE created_at > NOW() - INTERVAL ' + n + ' DAY') // clean
  return rows
}

async function stats() {
  const [rows] = await pool.query( // clean
    'SELECT country, COUNT(*) AS n ' +
    'FROM customers ' +
    'GROUP BY country ' +
    'ORDER BY n DESC'
  )
  return rows
}

async function transaction(fromId, toId, amount) {
  const conn = await pool.getConnection()
  try {
    await conn.beginTransaction()
    await conn.execute('UPDATE accounts SET balance = balance - ? WHERE id = ?', [amount, fromId]) // clean
    await conn.execute('UPDATE accounts SET balance = balance + ? WHERE id = ?', [amount, toId]) // clean
    await conn.commit()
  } catch (e) {
    await conn.rollback()
    throw e
  } finally {
    conn.release()
  }
}

async function named(statusFilter) {
  const status = ['active', 'paused'].includes(statusFilter) ? statusFilter : 'active'
  const [rows] = await pool.query(`SELECT * FROM customers WHERE status = '${status}'`) // clean
  return rows
}

module.exports = { byId, byIds, byIdsFill, list, update, search, escapedSearch, formatted, byColumn, insertMany, bulkInsert, recent, stats, transaction, named }
