const express = require('express');
const mongoose = require('mongoose');

async function main() {
  await mongoose.connect(process.env.MONGO_URL);
  const app = express(); // expect: missing-helmet
  app.use(express.json());
  app.get('/notes', async (req, res) => res.json([]));
  app.listen(process.env.PORT || 3000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
