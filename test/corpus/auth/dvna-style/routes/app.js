var router = require('express').Router()
var csrf = require('csurf')
var appHandler = require('../core/appHandler')
var authHandler = require('../core/authHandler')
var csrfProtection = csrf()

module.exports = function () {
  router.get('/', authHandler.isAuthenticated, function (req, res) {
    res.redirect('/learn')
  })
  router.get('/usersearch', authHandler.isAuthenticated, function (req, res) {
    res.render('app/usersearch', { output: null })
  })
  router.get('/products', authHandler.isAuthenticated, appHandler.listProducts)
  router.get('/useredit', authHandler.isAuthenticated, csrfProtection, appHandler.userEdit)
  router.get('/admin/usersapi', authHandler.isAuthenticated, authHandler.isAdmin, appHandler.listUsersAPI)
  router.get('/redirect', csrfProtection, appHandler.redirect)
  router.post('/redirect', csrfProtection, appHandler.redirectSubmit) // expect: missing-auth
  router.post('/usersearch', authHandler.isAuthenticated, appHandler.userSearch)
  router.post('/products', authHandler.isAuthenticated, appHandler.productSearch)
  router.post('/useredit', authHandler.isAuthenticated, csrfProtection, appHandler.userEditSubmit)
  router.post('/calc', authHandler.isAuthenticated, appHandler.calc)
  return router
}
