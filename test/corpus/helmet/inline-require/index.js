const app = require('express')();

app.use(require('helmet')());
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
