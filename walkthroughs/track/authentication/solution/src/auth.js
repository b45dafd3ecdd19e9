const jwt = require('jsonwebtoken');

const TOKEN_LIFETIME = '1h';

/** A signed token naming the user; the algorithm is pinned when signing and when verifying. */
function signToken(userId, secret) {
  return jwt.sign({}, secret, { algorithm: 'HS256', subject: String(userId), expiresIn: TOKEN_LIFETIME });
}

/** Middleware: lets the request through with req.userId set when it carries a valid bearer token, else answers 401. */
function requireAuth(secret) {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (!match) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthenticated' });
    try {
      const claims = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
      req.userId = Number(claims.sub);
      return next();
    } catch {
      return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: 'unauthenticated' });
    }
  };
}

module.exports = { signToken, requireAuth };
