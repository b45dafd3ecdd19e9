const path = require('path');
const express = require('express');
const helmet = require('helmet');

const app = express();
app.use(express.static(path.join(__dirname, 'public')));
app.use(helmet()); // expect: missing-helmet
app.get('/api/time', (req, res) => res.json({ now: Date.now() }));
app.listen(3000);
