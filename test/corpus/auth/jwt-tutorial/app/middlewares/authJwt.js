const jwt = require('jsonwebtoken');
const config = require('../config/auth.config');

const verifyToken = (req, res, next) => {
  const token = req.headers['x-access-token'];
  if (!token) {
    return res.status(403).send({ message: 'No token provided!' });
  }
  jwt.verify(token, config.secret, (err, decoded) => {
    if (err) return res.status(401).send({ message: 'Unauthorized!' });
    req.userId = decoded.id;
    next();
  });
};

const isModerator = async (req, res, next) => {
  const roles = await loadRoles(req.userId);
  if (roles.includes('moderator')) return next();
  res.status(403).send({ message: 'Require Moderator Role!' });
};

module.exports = { verifyToken, isModerator };
