const express = require('express');
const { z } = require('zod');
const { signToken } = require('../auth');
const { hashPassword, verifyPassword } = require('../passwords');

// NIST SP 800-63B: at least 15 characters for a password used alone; allow long passphrases.
const credentialsSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9_]{3,32}$/),
  password: z.string().min(15).max(128),
});

// Compared against when the user does not exist, so an unknown name takes as long as a wrong password.
const DUMMY_HASH = hashPassword('not a real password, only for timing');

function parseCredentials(req, res) {
  const result = credentialsSchema.safeParse(req.body ?? {});
  if (!result.success) {
    res.status(400).json({ error: 'invalid_credentials_format', details: result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
    return undefined;
  }
  return result.data;
}

/** POST /users signs up; POST /sessions signs in and returns a token. */
function usersRouter(db, jwtSecret) {
  const router = express.Router();

  router.post('/users', async (req, res) => {
    const credentials = parseCredentials(req, res);
    if (!credentials) return;
    if (db.get('SELECT id FROM users WHERE username = ?', [credentials.username])) return res.status(409).json({ error: 'username_taken' });
    const { lastId } = db.run('INSERT INTO users (username, password_hash) VALUES (?, ?)', [credentials.username, await hashPassword(credentials.password)]);
    res.status(201).json({ id: lastId, username: credentials.username });
  });

  router.post('/sessions', async (req, res) => {
    const credentials = parseCredentials(req, res);
    if (!credentials) return;
    const user = db.get('SELECT id, password_hash FROM users WHERE username = ?', [credentials.username]);
    const ok = await verifyPassword(credentials.password, user?.password_hash ?? (await DUMMY_HASH));
    // the same answer for an unknown user and a wrong password: no hint which usernames exist
    if (!user || !ok) return res.status(401).json({ error: 'invalid_credentials' });
    res.json({ token: signToken(user.id, jwtSecret) });
  });

  return router;
}

module.exports = { usersRouter };
