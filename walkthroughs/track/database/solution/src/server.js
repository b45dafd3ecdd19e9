const { createApp } = require('./app');
const { openDatabase } = require('./db');

async function main() {
  const db = await openDatabase(process.env.DATABASE_FILE ?? 'notes.db');
  const port = Number.parseInt(process.env.PORT ?? '3000', 10);
  const server = createApp(db).listen(port, () => console.log(`Notes API on http://localhost:${port}`));

  // Stop taking new connections, let open requests finish, then close the database.
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
