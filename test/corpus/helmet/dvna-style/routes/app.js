var router = require('express').Router()
var appHandler = require('../core/appHandler')
var authHandler = require('../core/authHandler')

module.exports = function () {
  router.get('/products', authHandler.isAuthenticated, appHandler.listProducts)
  router.post('/products', authHandler.isAuthenticated, appHandler.productSearch)
  return router
}
