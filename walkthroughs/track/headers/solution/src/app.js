const express = require('express');
const helmet = require('helmet');
const { requireAuth } = require('./auth');
const { errorHandler, notFound } = require('./errors');
const { notesRouter } = require('./routes/notes');
const { usersRouter } = require('./routes/users');

function createApp(db, { jwtSecret }) {
  const app = express();
  // First, so every response carries the headers, errors and 404s included. Helmet also removes X-Powered-By.
  app.use(helmet());
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (req, res) => res.json({ status: 'ok' }));
  app.use(usersRouter(db, jwtSecret));
  app.use('/notes', notesRouter(db, requireAuth(jwtSecret)));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}

module.exports = { createApp };
