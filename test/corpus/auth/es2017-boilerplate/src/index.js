const app = require('./config/express');

app.listen(3000);
