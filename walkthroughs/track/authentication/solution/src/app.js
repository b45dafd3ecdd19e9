const express = require('express');
const { requireAuth } = require('./auth');
const { errorHandler, notFound } = require('./errors');
const { notesRouter } = require('./routes/notes');
const { usersRouter } = require('./routes/users');

/** `jwtSecret` signs and verifies tokens: server.js reads it from the environment, tests pass their own. */
function createApp(db, { jwtSecret }) {
  const app = express();
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (req, res) => res.json({ status: 'ok' }));
  app.use(usersRouter(db, jwtSecret));
  app.use('/notes', notesRouter(db, requireAuth(jwtSecret)));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}

module.exports = { createApp };
