// Reporting queries on knex: the query builder is safe, the *Raw escape hatches are where text gets built.
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL })

async function salesByRegion(region) {
  return knex('sales').where('region', region).sum('total as total') // clean
}

async function salesByRegionRaw(region) {
  return knex('sales').whereRaw("region = '" + region + "'").sum('total as total') // expect: sql-concatenation
}

async function salesByRegionBindings(region) {
  return knex('sales').whereRaw('region = ?', [region]).sum('total as total') // clean
}

async function topCustomers(minTotal, sortColumn) {
  return knex('orders')
    .select('customer_id')
    .sum('total as spent')
    .groupBy('customer_id')
    .havingRaw(`sum(total) > ${minTotal}`) // expect: sql-concatenation
    .orderByRaw(sortColumn + ' desc') // expect: sql-concatenation
}

async function topCustomersSafe(minTotal) {
  return knex('orders').select('customer_id').sum('total as spent').groupBy('customer_id').havingRaw('sum(total) > ?', [Number(minTotal)]) // clean
}

async function withCategory(category) {
  return knex('products').joinRaw(`JOIN categories c ON c.id = products.category_id AND c.slug = '${category}'`) // expect: sql-concatenation
}

async function rawReport(from, to) {
  const { rows } = await knex.raw(`SELECT day, count(*) FROM visits WHERE day BETWEEN '${from}' AND '${to}' GROUP BY day`) // expect: sql-concatenation
  return rows
}

async function rawReportSafe(from, to) {
  const { rows } = await knex.raw('SELECT day, count(*) FROM visits WHERE day BETWEEN ? AND ? GROUP BY day', [from, to]) // clean
  return rows
}

async function columnTotals(column) {
  return knex.raw('SELECT ??, count(*) FROM visits GROUP BY ??', [column, column]) // clean
}

async function groupedBy(expression) {
  // a parameter passed through is not text built here: the caller is where to look
  return knex('visits').select(knex.raw(expression)).groupByRaw(expression) // clean
}

async function inTransaction(userId, amount) {
  await knex.transaction(async (trx) => {
    await trx.raw('UPDATE accounts SET balance = balance - ' + amount + ' WHERE id = ' + userId) // expect: sql-concatenation
    await trx('ledger').insert({ user_id: userId, amount }) // clean
  })
}

async function fromRawSubquery(status) {
  return knex.select('*').fromRaw(`(SELECT * FROM orders WHERE status = '${status}') AS o`) // expect: sql-concatenation
}

async function search(term) {
  return knex('products').where('name', 'ilike', `%${term}%`) // clean
}

module.exports = { salesByRegion, salesByRegionRaw, salesByRegionBindings, topCustomers, topCustomersSafe, withCategory, rawReport, rawReportSafe, columnTotals, groupedBy, inTransaction, fromRawSubquery, search }
