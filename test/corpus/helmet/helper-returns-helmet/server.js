const express = require('express');
const { securityHeaders } = require('./security');

const app = express();
app.use(securityHeaders({ preload: true }));
app.listen(3000);
