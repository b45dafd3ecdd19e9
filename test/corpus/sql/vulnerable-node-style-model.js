// Modelled on a deliberately vulnerable shop's model layer (pg-promise with concatenated queries).
var config = require('../config'),
  pgp = require('pg-promise')(),
  db = pgp(config.db.connectionString)

function listProducts() {
  var q = 'SELECT * FROM products;'
  return db.many(q) // clean
}

function getProduct(productId) {
  var q = "SELECT * FROM products WHERE id = '" + productId + "';"
  return db.one(q) // expect: sql-concatenation
}

function search(query) {
  var q = "SELECT * FROM products WHERE name ILIKE '%" + query + "%' OR description ILIKE '%" + query + "%';"
  return db.many(q) // expect: sql-concatenation
}

function purchase(cart) {
  var query = 'INSERT INTO purchases(mail, product_name, user_name, product_id, address, phone, ship_date, price) VALUES($1, $2, $3, $4, $5, $6, $7, $8)'
  var values = [cart.mail, cart.productName, cart.username, cart.productId, cart.address, cart.phone, cart.shipDate, cart.price]
  return db.one(query, values) // clean
}

function getPurchased(username) {
  var q = "SELECT * FROM purchases WHERE user_name = '" + username + "';"
  return db.many(q) // expect: sql-concatenation
}

function doAuth(username, password) {
  var q = "SELECT * FROM users WHERE name = '" + username + "' AND password ='" + password + "';"
  return db.oneOrNone(q) // expect: sql-concatenation
}

function countByCategory(category) {
  return db.one('SELECT count(*) FROM products WHERE category = $1', [category]) // clean
}

function removeFromCart(userName, productId) {
  return db.none(`DELETE FROM cart WHERE user_name = '${userName}' AND product_id = ${productId}`) // expect: sql-concatenation
}

function productsByIds(ids) {
  return db.any('SELECT * FROM products WHERE id IN ($1:csv)', [ids]) // clean
}

function productsPage(page) {
  var size = 20
  var offset = (Number(page) - 1) * size
  return db.any('SELECT * FROM products ORDER BY id LIMIT ' + size + ' OFFSET ' + offset) // clean
}

function productsFormatted(name) {
  return db.any(pgp.as.format('SELECT * FROM products WHERE name = $1', [name])) // clean
}

module.exports = { listProducts, getProduct, search, purchase, getPurchased, doAuth, countByCategory, removeFromCart, productsByIds, productsPage, productsFormatted }
