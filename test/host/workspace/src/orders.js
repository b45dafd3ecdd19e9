const mysql = require('mysql2');

const db = mysql.createPool({ host: 'localhost', user: 'shop', database: 'shop' });

function findOrder(orderId, callback) {
  db.query("SELECT * FROM orders WHERE id = " + orderId, callback);
}

module.exports = { findOrder };
