const express = require('express');
const pinoHttp = require('pino-http');
const { healthRouter } = require('./health');

function createApp({ logger }) {
  const app = express(); // expect: missing-helmet
  app.use(pinoHttp({ logger }));
  app.use(express.json());
  app.use('/health', healthRouter);
  return app;
}

module.exports = { createApp };
