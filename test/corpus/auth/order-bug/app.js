const express = require('express');
const helmet = require('helmet');
const { requireAuth } = require('./middleware/auth');
const publicRouter = require('./routes/public');
const ordersRouter = require('./routes/orders');
const profileRouter = require('./routes/profile');

const app = express();
app.use(helmet());
app.use(express.json());
app.use('/api', publicRouter);
app.use('/api/orders', ordersRouter);
app.use('/api', requireAuth);
app.use('/api/profile', profileRouter);
app.listen(3000);
