const jwt = require('jsonwebtoken');

const secret = process.env.JWT_SECRET;
if (!secret) throw new Error('JWT_SECRET must be set');

/** Rejects requests without a valid bearer token; puts the token's claims on req.user. */
function requireAuth(req, res, next) {
  const header = req.get('authorization') || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing bearer token' });
  try {
    req.user = jwt.verify(token, secret, { algorithms: ['HS256'] });
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
}

module.exports = { requireAuth };
