const serverless = require('serverless-http');
const express = require('express');

const app = express(); // expect: missing-helmet
app.use(express.json());
app.get('/hello', (req, res) => res.json({ message: 'hi' }));

module.exports.handler = serverless(app);
