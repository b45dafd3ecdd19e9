const express = require('express');
const helmet = require('helmet');
const admin = require('./admin');

const app = express();
app.use(helmet());
app.use('/admin', admin);
app.listen(3000);
