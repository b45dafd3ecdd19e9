var router = require('express').Router()
var authHandler = require('../core/authHandler')

module.exports = function (passport) {
  router.get('/login', authHandler.isNotAuthenticated, function (req, res) {
    res.render('login')
  })
  router.get('/learn', authHandler.isAuthenticated, function (req, res) {
    res.render('learn')
  })
  router.get('/register', authHandler.isNotAuthenticated, function (req, res) {
    res.render('register')
  })
  router.get('/logout', function (req, res) {
    req.logout()
    res.redirect('/')
  })
  router.get('/forgotpw', function (req, res) {
    res.render('forgotpw')
  })
  router.post('/login', passport.authenticate('login', { successRedirect: '/learn', failureRedirect: '/login' }))
  router.post('/register', passport.authenticate('signup', { successRedirect: '/learn', failureRedirect: '/register' }))
  router.post('/forgotpw', authHandler.forgotPw)
  router.post('/resetpw', authHandler.resetPwSubmit)
  return router
}
