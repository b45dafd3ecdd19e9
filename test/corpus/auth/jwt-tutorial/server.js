const express = require('express');
const helmet = require('helmet');
const cors = require('cors');

const app = express();
app.use(helmet());
app.use(cors({ origin: 'http://localhost:8081' }));
app.use(express.json());

app.get('/', (req, res) => res.json({ message: 'Welcome.' }));

require('./app/routes/auth.routes')(app);
require('./app/routes/user.routes')(app);

app.listen(8080);
