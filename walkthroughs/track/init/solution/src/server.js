const { createApp } = require('./app');

// The port comes from the environment: hosting platforms, containers and the checks each choose it.
const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const server = createApp().listen(port, () => console.log(`Notes API on http://localhost:${port}`));

// Stop taking new connections and let open requests finish before exiting.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
