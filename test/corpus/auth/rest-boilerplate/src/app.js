const express = require('express');
const helmet = require('helmet');
const passport = require('passport');
const routes = require('./routes/v1');

const app = express();
app.use(helmet());
app.use(express.json());
app.use(passport.initialize());
app.use('/v1', routes);

module.exports = app;
