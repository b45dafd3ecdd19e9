var express = require('express');
var helmet = require('helmet');
var indexRouter = require('./routes/index');
var usersRouter = require('./routes/users');

var app = express();
app.use(helmet());
app.use('/', indexRouter);
app.use('/users', usersRouter);

module.exports = app;
