// Serverless handlers that take their input from the event object, on several drivers.
const mysql = require('mysql2/promise')
const postgres = require('postgres')
const oracledb = require('oracledb')
const { drizzle } = require('drizzle-orm/node-postgres')
const { sql: dsql } = require('drizzle-orm')

const sql = postgres(process.env.PG_URL)

exports.createTemp = async (event) => {
  const conn = await mysql.createConnection(process.env.MYSQL_URL)
  const table = event.arguments[0]
  const column = event.arguments[1]
  const createStmt = 'create temporary table ' + table + '_tmp (seq int, ' + column + ' varchar(100))'
  await conn.query(createStmt) // expect: sql-concatenation
  const rows = event.arguments.map((x, i) => '(' + i + ", '" + x + "')")
  const insertStmt = 'insert into ' + table + '_tmp (seq, ' + column + ') values ' + rows.join(',')
  await conn.query({ sql: insertStmt, rowsAsArray: true }) // expect: sql-concatenation
  const [results] = await conn.execute('SELECT * FROM lookup WHERE name = ?', [column]) // clean
  return results
}

exports.pgUnsafe = async (event) => {
  return sql.unsafe(`SELECT * FROM messages WHERE channel = '${event.channel}'`) // expect: sql-concatenation
}

exports.pgUnsafeParams = async (event) => {
  return sql.unsafe('SELECT * FROM messages WHERE channel = $1', [event.channel]) // clean
}

exports.pgTagged = async (event) => {
  return sql`SELECT * FROM messages WHERE channel = ${event.channel}` // clean
}

exports.oracleLookup = async (event) => {
  const conn = await oracledb.getConnection()
  const result = await conn.execute("SELECT * FROM employees WHERE last_name = '" + event.name + "'") // expect: sql-concatenation
  const safe = await conn.execute('SELECT * FROM employees WHERE last_name = :name', { name: event.name }) // clean
  return [result.rows, safe.rows]
}

exports.drizzleRaw = async (event) => {
  const db = drizzle(process.env.PG_URL)
  const unsafe = await db.execute(dsql.raw(`select * from users where id = ${event.id}`)) // expect: sql-concatenation
  const safe = await db.execute(dsql`select * from users where id = ${event.id}`) // clean
  return [unsafe, safe]
}

exports.insertMessage = async (event) => {
  const conn = await mysql.createConnection(process.env.MYSQL_URL)
  const body = JSON.stringify(event.body)
  const query = `INSERT INTO messages (body, received_at) VALUES ('${body}', NOW())`
  console.log('running', query)
  await conn.query(query) // expect: sql-concatenation
}
