const express = require('express');
const products = require('./routes/products');
const orders = require('./routes/orders');

const app = express();

app.use(express.json({ limit: '100kb' }));
app.use('/products', products);
app.use('/orders', orders);

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

module.exports = app;
