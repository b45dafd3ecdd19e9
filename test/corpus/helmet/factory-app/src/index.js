const pino = require('pino');
const { createApp } = require('./create-app');

const logger = pino();
createApp({ logger }).listen(process.env.PORT || 3000, () => logger.info('ready'));
