const express = require('express');
const todos = require('./todos');

const app = express(); // expect: missing-helmet
app.use(express.json());
app.use('/todos', todos);

module.exports = app;
