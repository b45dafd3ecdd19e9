const helmet = require('helmet');

module.exports = helmet({
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'https://cdn.example.com'] },
  },
  crossOriginEmbedderPolicy: false,
});
