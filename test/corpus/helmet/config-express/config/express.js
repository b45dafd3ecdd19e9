'use strict';

const express = require('express');
const helmet = require('helmet');
const morgan = require('morgan');

module.exports = function (app, passport) {
  app.use(helmet());
  app.use(morgan('combined'));
  app.use(express.urlencoded({ extended: true }));
  app.use(passport.initialize());
};
