const express = require('express');
const { notesRouter } = require('./routes/notes');

/** Builds the app on an open database (see db.js): tests pass an in-memory one. */
function createApp(db) {
  const app = express();
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (req, res) => res.json({ status: 'ok' }));
  app.use('/notes', notesRouter(db));

  return app;
}

module.exports = { createApp };
