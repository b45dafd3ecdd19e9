// Code that is safe in ways a file-local analysis may not see: helpers returning constants, early-return allow-lists.
const { Pool } = require('pg')
const pool = new Pool()

const ALLOWED_SORTS = ['name', 'created_at', 'email']

function tableFor(kind) {
  switch (kind) {
    case 'admin': return 'admins'
    case 'guest': return 'guests'
    default: return 'users'
  }
}

async function byKind(kind, id) {
  return pool.query(`SELECT * FROM ${tableFor(kind)} WHERE id = $1`, [id]) // clean
}

async function sorted(sort) {
  if (!ALLOWED_SORTS.includes(sort)) throw new Error('bad sort')
  return pool.query(`SELECT * FROM users ORDER BY ${sort}`) // clean
}

async function sortedSwitch(sort) {
  let column
  switch (sort) {
    case 'name': column = 'name'; break
    case 'email': column = 'email'; break
    default: column = 'created_at'
  }
  return pool.query(`SELECT * FROM users ORDER BY ${column}`) // clean
}

async function run(text, values) {
  return pool.query(text, values) // clean
}

async function paged(page, size) {
  const limit = Math.min(Number(size) || 20, 100)
  const offset = (Math.max(Number(page) || 1, 1) - 1) * limit
  return pool.query(`SELECT * FROM users ORDER BY id LIMIT ${limit} OFFSET ${offset}`) // clean
}

async function flagged(onlyActive) {
  const activeClause = onlyActive ? 'WHERE active' : ''
  return pool.query('SELECT * FROM users ' + activeClause) // clean
}

async function counted(ids) {
  const uniq = [...new Set(ids.map((id) => parseInt(id, 10)))].filter(Number.isFinite)
  return pool.query(`SELECT count(*) FROM users WHERE id IN (${uniq.join(',')})`) // clean
}

async function enumValue(status) {
  const statuses = new Set(['open', 'closed'])
  const value = statuses.has(status) ? status : 'open'
  return pool.query(`SELECT * FROM tickets WHERE status = '${value}'`) // clean
}

module.exports = { byKind, sorted, sortedSwitch, run, paged, flagged, counted, enumValue }
