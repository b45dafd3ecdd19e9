const express = require('express');
const { notesRouter } = require('./routes/notes');

function createApp() {
  const app = express();
  // Parses JSON bodies into req.body; the limit stops a client from sending megabytes.
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (req, res) => res.json({ status: 'ok' }));
  app.use('/notes', notesRouter());

  return app;
}

module.exports = { createApp };
