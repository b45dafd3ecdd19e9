const express = require('express');
const helmet = require('helmet');

const app = express();
app.use(helmet());
app.use(express.json());
app.use(require('./routes'));
app.listen(process.env.PORT || 3000);
