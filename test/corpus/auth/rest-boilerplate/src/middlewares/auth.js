const passport = require('passport');
const { roleRights } = require('../config/roles');

const verifyCallback = (req, resolve, reject, requiredRights) => async (err, user, info) => {
  if (err || info || !user) {
    return reject(new Error('Please authenticate'));
  }
  req.user = user;
  if (requiredRights.length) {
    const rights = roleRights.get(user.role);
    if (!requiredRights.every((r) => rights.includes(r)) && req.params.userId !== user.id) {
      return reject(new Error('Forbidden'));
    }
  }
  resolve();
};

const auth = (...requiredRights) => async (req, res, next) => {
  return new Promise((resolve, reject) => {
    passport.authenticate('jwt', { session: false }, verifyCallback(req, resolve, reject, requiredRights))(req, res, next);
  })
    .then(() => next())
    .catch((err) => next(err));
};

module.exports = auth;
