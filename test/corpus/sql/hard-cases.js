// Harder shapes seen in real services: SQL assembled in helpers, closures, aliases and ORMs' escape hatches.
const mysql = require('mysql')
const { format } = require('util')
const { Sequelize, Op } = require('sequelize')
const knex = require('knex')({ client: 'mysql' })

const connection = mysql.createConnection(process.env.MYSQL_URL)
const baseSelect = 'SELECT id, name, email FROM users'
const USER_BY_NAME = "SELECT * FROM users WHERE name = '%s'"

function buildFilterSql(filters) {
  return `SELECT * FROM users WHERE role = '${filters.role}' AND team = '${filters.team}'`
}

const queries = {
  byEmail: (email) => "SELECT * FROM users WHERE email = '" + email + "'",
}

function listByFilters(req, res) {
  connection.query(buildFilterSql(req.query), (err, rows) => res.json(rows)) // expect: sql-concatenation
}

function byEmail(req, res) {
  connection.query(queries.byEmail(req.body.email), (err, rows) => res.json(rows)) // expect: sql-concatenation
}

function byDynamicFilters(req, res) {
  let sql = 'SELECT * FROM users WHERE 1=1'
  Object.keys(req.query).forEach((key) => {
    sql += ` AND ${key} = '${req.query[key]}'`
  })
  connection.query(sql, (err, rows) => res.json(rows)) // expect: sql-concatenation
}

function withBase(req, res) {
  connection.query(`${baseSelect} WHERE id = ${req.params.id}`, (err, rows) => res.json(rows)) // expect: sql-concatenation
}

function withFormat(req, res) {
  connection.query(format(USER_BY_NAME, req.query.name), (err, rows) => res.json(rows)) // expect: sql-concatenation
}

function destructured(req, res) {
  const { query } = connection
  query.call(connection, 'SELECT * FROM users WHERE id = ' + req.params.id, (err, rows) => res.json(rows)) // expect: sql-concatenation
}

function aliased(req, res) {
  const run = connection.query.bind(connection)
  run('DELETE FROM sessions WHERE user_id = ' + req.params.id, () => res.sendStatus(204)) // expect: sql-concatenation
}

function validatedDigits(req, res) {
  const id = req.params.id
  if (!/^\d+$/.test(id)) return res.sendStatus(400)
  connection.query('SELECT * FROM users WHERE id = ' + id, (err, rows) => res.json(rows)) // expect: sql-concatenation
}

class Session {
  constructor(userId) {
    this.sql = 'SELECT * FROM sessions WHERE user_id = ' + userId
  }

  load() {
    return new Promise((resolve) => connection.query(this.sql, (err, rows) => resolve(rows))) // expect: sql-concatenation
  }
}

function parts(req, res) {
  const where = req.query.name ? "WHERE name = '" + req.query.name + "'" : ''
  const sql = [baseSelect, where, 'ORDER BY id'].filter(Boolean).join(' ')
  connection.query(sql, (err, rows) => res.json(rows)) // expect: sql-concatenation
}

async function ormEscapeHatches(Model, req) {
  const owned = await Model.findAll({ where: Sequelize.literal(`owner_id IN (SELECT id FROM owners WHERE name = '${req.query.owner}')`) }) // expect: sql-concatenation
  const named = await Model.findAll({ where: { [Op.and]: [Sequelize.literal("lower(name) = '" + req.query.name + "'")] } }) // expect: sql-concatenation
  const raw = await knex('users').where(knex.raw("lower(email) = '" + req.query.email + "'")) // expect: sql-concatenation
  return [owned, named, raw]
}

function later(req, res) {
  const sql = 'SELECT * FROM audit WHERE actor = ?'
  setTimeout(() => connection.query(sql + " AND action = '" + req.query.action + "'", [req.user.id], () => {}), 0) // expect: sql-concatenation
  res.sendStatus(202)
}

module.exports = { listByFilters, byEmail, byDynamicFilters, withBase, withFormat, destructured, aliased, validatedDigits, Session, parts, ormEscapeHatches, later }
