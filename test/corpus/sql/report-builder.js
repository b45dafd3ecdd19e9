// Report endpoints that assemble SQL step by step (driver: pg through a shared module).
const { query } = require('./db')

const METRICS = { revenue: 'SUM(total)', orders: 'COUNT(*)', average: 'AVG(total)' }

async function report(req, res) {
  const metric = METRICS[req.query.metric] || METRICS.orders
  const groupBy = req.query.by === 'week' ? "date_trunc('week', created_at)" : "date_trunc('day', created_at)"
  const params = []
  let where = 'WHERE 1=1'
  if (req.query.region) { params.push(req.query.region); where += ` AND region = $${params.length}` }
  if (req.query.since) { params.push(req.query.since); where += ` AND created_at >= $${params.length}` }
  const rows = await query(`SELECT ${groupBy} AS bucket, ${metric} AS value FROM orders ${where} GROUP BY bucket ORDER BY bucket`, params) // clean
  res.json(rows)
}

async function reportUnsafe(req, res) {
  let where = 'WHERE 1=1'
  if (req.query.region) where += " AND region = '" + req.query.region + "'"
  const rows = await query('SELECT date_trunc(\'day\', created_at) AS bucket, COUNT(*) FROM orders ' + where + ' GROUP BY bucket') // expect: sql-concatenation
  res.json(rows)
}

async function pivot(req, res) {
  const columns = req.body.columns.map((c) => `SUM(CASE WHEN product = '${c}' THEN qty END) AS "${c}"`).join(', ')
  const rows = await query(`SELECT region, ${columns} FROM sales GROUP BY region`) // expect: sql-concatenation
  res.json(rows)
}

async function exportCsv(req, res) {
  const table = req.params.table
  const rows = await query('SELECT * FROM ' + table) // expect: sql-concatenation
  res.type('text/csv').send(rows.map((r) => Object.values(r).join(',')).join('\n'))
}

async function topN(req, res) {
  const n = Math.min(100, Math.max(1, Number(req.query.n) || 10))
  const rows = await query(`SELECT * FROM products ORDER BY sold DESC LIMIT ${n}`) // clean
  res.json(rows)
}

async function between(req, res) {
  const from = new Date(req.query.from).toISOString()
  const to = new Date(req.query.to).toISOString()
  const rows = await query(`SELECT * FROM orders WHERE created_at BETWEEN '${from}' AND '${to}'`) // clean
  res.json(rows)
}

async function byName(req, res) {
  const name = req.query.name.replace(/'/g, "''")
  const rows = await query(`SELECT * FROM customers WHERE name = '${name}'`) // expect: sql-concatenation
  res.json(rows)
}

module.exports = { report, reportUnsafe, pivot, exportCsv, topN, between, byName }
