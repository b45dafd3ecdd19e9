'use strict';

const express = require('express');
const passport = require('passport');
const config = require('./config');

const app = express();
require('./config/passport')(passport);
require('./config/express')(app, passport);
require('./config/routes')(app, passport);

app.listen(config.port);
