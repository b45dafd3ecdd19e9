const express = require('express');
const security = require('./middleware/security');

const app = express();
app.use(security);
app.get('/', (req, res) => res.render('index'));
module.exports = app;
