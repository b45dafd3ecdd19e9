var express = require('express')
var session = require('express-session')
var passport = require('passport')
var morgan = require('morgan')
var config = require('./config/server')

var app = express() // expect: missing-helmet
require('./core/passport')(passport)
app.use(express.static('public'))
app.set('view engine', 'ejs')
app.use(morgan('tiny'))
app.use(express.urlencoded({ extended: false }))
app.use(session({ secret: config.sessionSecret, resave: true, saveUninitialized: true }))
app.use(passport.initialize())
app.use(passport.session())

app.use('/app', require('./routes/app')())
app.use('/', require('./routes/main')(passport))

app.listen(config.port, config.listen)
