// An inventory service on mssql (SQL Server): request inputs bind values, template text does not.
const sql = require('mssql')
const poolPromise = new sql.ConnectionPool({ server: 'db', database: 'inventory', options: { trustServerCertificate: true } }).connect()

async function itemsInWarehouse(warehouseId) {
  const pool = await poolPromise
  const result = await pool.request().input('warehouseId', sql.Int, warehouseId).query('SELECT * FROM Items WHERE WarehouseId = @warehouseId') // clean
  return result.recordset
}

async function itemsInWarehouseUnsafe(warehouseId) {
  const pool = await poolPromise
  const result = await pool.request().query(`SELECT * FROM Items WHERE WarehouseId = ${warehouseId}`) // expect: sql-concatenation
  return result.recordset
}

async function findBySku(sku) {
  const request = new sql.Request(await poolPromise)
  const result = await request.query("SELECT * FROM Items WHERE Sku = '" + sku + "'") // expect: sql-concatenation
  return result.recordset[0]
}

async function restock(items) {
  const pool = await poolPromise
  const statements = items.map((item) => `UPDATE Items SET Quantity = Quantity + ${item.quantity} WHERE Sku = '${item.sku}';`).join('\n')
  await pool.request().batch(statements) // expect: sql-concatenation
}

async function restockUnsafe(sku, quantity) {
  const pool = await poolPromise
  await pool.request().batch('UPDATE Items SET Quantity = ' + quantity + " WHERE Sku = '" + sku + "'") // expect: sql-concatenation
}

async function lowStock(threshold) {
  const pool = await poolPromise
  const result = await pool.request().query(`
    SELECT Sku, Quantity
    FROM Items
    WHERE Quantity < 10
    ORDER BY Quantity
  `)
  return result.recordset
}

async function lowStockFor(category) {
  const pool = await poolPromise
  // expect-next-line: sql-concatenation
  const result = await pool.request().query(`
    SELECT Sku, Quantity
    FROM Items
    WHERE Category = '${category}'
  `)
  return result.recordset
}

async function tagged(sku) {
  return sql.query`SELECT * FROM Items WHERE Sku = ${sku}` // clean
}

module.exports = { itemsInWarehouse, itemsInWarehouseUnsafe, findBySku, restock, restockUnsafe, lowStock, lowStockFor, tagged }
