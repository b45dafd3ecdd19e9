const express = require('express');

function createApp() {
  const app = express();
  const notes = [];

  // A health check for load balancers and containers: cheap, no secrets.
  app.get('/health', (req, res) => res.json({ status: 'ok' }));

  // res.json sets Content-Type: application/json and serialises the value.
  app.get('/notes', (req, res) => res.json(notes));

  return app;
}

module.exports = { createApp };
