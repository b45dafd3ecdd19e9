const express = require('express');
const helmet = require('helmet');
const webhooks = require('./webhooks');

const app = express();
app.use(helmet());
app.use('/webhooks', webhooks);
app.listen(3000);
