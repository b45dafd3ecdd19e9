const express = require('express');
const middlewares = require('./middlewares');

const app = express();
app.use(middlewares);
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
