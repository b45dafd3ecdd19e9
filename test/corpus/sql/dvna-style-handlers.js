// Modelled on a deliberately vulnerable Node app's request handlers (Sequelize models plus raw queries).
var db = require('../models')
var vh = require('./validationHandler')

module.exports.userSearch = function (req, res) {
  var query = "SELECT name,id FROM Users WHERE login='" + req.body.login + "'"
  db.sequelize.query(query, { model: db.User }).then(user => { // expect: sql-concatenation
    if (user.length) {
      res.render('app/usersearch', { output: { user: { name: user[0].name, id: user[0].id } } })
    } else {
      req.flash('warning', 'User not found')
      res.render('app/usersearch', { output: null })
    }
  }).catch(() => {
    req.flash('danger', 'Internal Error')
    res.render('app/usersearch', { output: null })
  })
}

module.exports.userSearchFixed = function (req, res) {
  if (!vh.vCode(req.body.login)) return res.render('app/usersearch', { output: null })
  db.User.find({ where: { login: req.body.login } }).then(user => {
    res.render('app/usersearch', { output: user ? { user: { name: user.name, id: user.id } } : null })
  })
}

module.exports.productSearch = function (req, res) {
  db.sequelize.query("SELECT * FROM Products WHERE name LIKE '%" + req.body.name + "%'", { type: db.Sequelize.QueryTypes.SELECT }) // expect: sql-concatenation
    .then(products => res.render('app/products', { output: { products: products, searchTerm: req.body.name } }))
}

module.exports.modifyProduct = function (req, res) {
  var sql = 'UPDATE Products SET name = :name, code = :code WHERE id = :id'
  db.sequelize.query(sql, { replacements: { name: req.body.name, code: req.body.code, id: req.body.id } }) // clean
    .then(() => res.redirect('/app/products'))
}

module.exports.deleteProduct = function (req, res) {
  db.sequelize.query('DELETE FROM Products WHERE id = ' + req.params.id) // expect: sql-concatenation
    .then(() => res.redirect('/app/products'))
}

module.exports.listProducts = function (req, res) {
  db.sequelize.query('SELECT * FROM Products ORDER BY ' + req.query.sort) // expect: sql-concatenation
    .then(products => res.render('app/products', { output: { products } }))
}

module.exports.listUsersAPI = function (req, res) {
  db.User.findAll({ attributes: ['id', 'name', 'email'] }).then(users => {
    res.status(200).json({ success: true, users: users })
  })
}

module.exports.adminStats = function (req, res) {
  db.sequelize.query('SELECT COUNT(*) AS n FROM Users', { type: db.Sequelize.QueryTypes.SELECT }) // clean
    .then(rows => res.json(rows[0]))
}

module.exports.bulkProducts = function (req, res) {
  const names = req.body.names.split(',')
  const inList = names.map(n => "'" + n.trim() + "'").join(',')
  db.sequelize.query('SELECT * FROM Products WHERE name IN (' + inList + ')') // expect: sql-concatenation
    .then(products => res.json(products))
}

module.exports.bulkProductsFixed = function (req, res) {
  const names = req.body.names.split(',').map(n => n.trim())
  const marks = names.map(() => '?').join(', ')
  db.sequelize.query('SELECT * FROM Products WHERE name IN (' + marks + ')', { replacements: names }) // clean
    .then(products => res.json(products))
}
