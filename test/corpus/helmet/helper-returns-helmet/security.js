const helmet = require('helmet');

function securityHeaders(options = {}) {
  return helmet({ hsts: { maxAge: 31536000, preload: options.preload === true } });
}

module.exports = { securityHeaders };
