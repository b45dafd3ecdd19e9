const express = require('express');
const { errorHandler, notFound } = require('./errors');
const { notesRouter } = require('./routes/notes');

function createApp(db) {
  const app = express();
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (req, res) => res.json({ status: 'ok' }));
  app.use('/notes', notesRouter(db));

  // After every route: first "nothing matched", then errors.
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

module.exports = { createApp };
