const express = require('express');
const helmet = require('helmet');
const articles = require('./articles');

const app = express();
app.use(express.json());
app.get('/', (req, res) => res.send('Blog API'));
app.use('/articles', articles);
app.use(helmet()); // expect: missing-helmet

app.listen(8080);
