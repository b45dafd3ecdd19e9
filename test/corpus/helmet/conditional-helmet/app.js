const express = require('express');
const helmet = require('helmet');
const config = require('./config');

const app = express();
if (config.env === 'production') {
  app.use(helmet());
}
app.get('/', (req, res) => res.send('ok'));
app.listen(config.port);
