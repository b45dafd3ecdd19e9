// node-postgres in older callback style, including sloppy code that assigns undeclared names.
const { Pool, Client } = require('pg')

function ageReport(req, res) {
  const client = new Client()
  client.connect()
  query = 'SELECT name FROM people WHERE age = ' + req.query.age
  client.query(query, (err, result) => res.json(result.rows)) // expect: sql-concatenation
}

function ageReportAppend(req, res) {
  const pool = new Pool()
  query = 'SELECT name FROM people WHERE age = '
  query += req.query.age
  pool.query(query, (err, result) => res.json(result.rows)) // expect: sql-concatenation
}

function byEmail(email) {
  const pool = new Pool()
  pool
    .query('SELECT * FROM people WHERE email = '.concat("'", email, "'")) // expect: sql-concatenation
    .then((result) => result.rows[0])
}

function constantConcat() {
  const pool = new Pool()
  query = 'SELECT * FROM people WHERE email = '.concat("'admin@example.com'")
  return pool.query(query) // clean
}

function constantAppend() {
  const pool = new Pool()
  q = 'SELECT name FROM people WHERE age = '
  q += '3'
  return pool.query(q) // clean
}

function namedQuery(id) {
  const client = new Client()
  const statement = { name: 'fetch-person', text: 'SELECT * FROM people WHERE id = $1', values: [id] }
  return client.query(statement) // clean
}

function pooled(req, res) {
  const pool = new Pool()
  pool.connect((err, client, done) => {
    if (err) throw err
    client.query('SELECT name FROM people WHERE city = \'' + req.query.city + '\'', (qerr, result) => { // expect: sql-concatenation
      done()
      res.json(qerr ? [] : result.rows)
    })
  })
}

function bracketed(userInput, request) {
  return request.query('SELECT * FROM [crm].[dbo].[people] WHERE person_id =' + userInput) // expect: sql-concatenation
}

module.exports = { ageReport, ageReportAppend, byEmail, constantConcat, constantAppend, namedQuery, pooled, bracketed }
