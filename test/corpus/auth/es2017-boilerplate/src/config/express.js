const express = require('express');
const helmet = require('helmet');
const passport = require('passport');
const routes = require('../api/routes/v1');
const strategies = require('./passport');

const app = express();
app.use(helmet());
app.use(express.json());
app.use(passport.initialize());
passport.use('jwt', strategies.jwt);

app.use('/v1', routes);

module.exports = app;
