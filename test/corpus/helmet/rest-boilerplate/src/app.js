const express = require('express');
const helmet = require('helmet');
const compression = require('compression');
const cors = require('cors');
const passport = require('passport');
const { jwtStrategy } = require('./config/passport');
const apiRoutes = require('./routes/v1');
const { notFound, errorHandler } = require('./middlewares/error');

const app = express();

// security headers; the bundled dashboard still uses inline scripts, so CSP is tuned later
app.use(helmet({ contentSecurityPolicy: false }));
app.use(express.json({ limit: '100kb' }));
app.use(compression());
app.use(cors({ origin: process.env.CORS_ORIGIN }));
app.use(passport.initialize());
passport.use('jwt', jwtStrategy);

app.use('/v1', apiRoutes);
app.use(notFound);
app.use(errorHandler);

module.exports = app;
