const { expressjwt } = require('express-jwt');

function getTokenFromHeader(req) {
  const header = req.headers.authorization;
  return header && header.split(' ')[0] === 'Token' ? header.split(' ')[1] : null;
}

const auth = {
  required: expressjwt({ secret: process.env.SECRET, algorithms: ['HS256'], requestProperty: 'payload', getToken: getTokenFromHeader }),
  optional: expressjwt({ secret: process.env.SECRET, algorithms: ['HS256'], requestProperty: 'payload', credentialsRequired: false, getToken: getTokenFromHeader }),
};

module.exports = auth;
