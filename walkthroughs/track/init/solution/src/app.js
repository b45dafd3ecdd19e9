const express = require('express');

/** Builds the Express app; server.js decides where it listens, so tests can start it on any port. */
function createApp() {
  const app = express();
  app.get('/', (req, res) => res.send('Notes API'));
  return app;
}

module.exports = { createApp };
