const { createApp } = require('./app');
const { openDatabase } = require('./db');

async function main() {
  // A secret from the environment, never from the code: fail at start rather than sign tokens with nothing.
  const jwtSecret = process.env.JWT_SECRET;
  if (!jwtSecret || jwtSecret.length < 32) throw new Error('JWT_SECRET must be set to at least 32 random characters');
  const db = await openDatabase(process.env.DATABASE_FILE ?? 'notes.db');
  const port = Number.parseInt(process.env.PORT ?? '3000', 10);
  const server = createApp(db, { jwtSecret }).listen(port, () => console.log(`Notes API on http://localhost:${port}`));

  const shutdown = () => server.close(() => {
    db.close();
    process.exit(0);
  });
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
