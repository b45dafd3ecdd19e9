const express = require('express');

function securityHeaders(req, res, next) {
  res.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'");
  res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.removeHeader('X-Powered-By');
  next();
}

const app = express();
app.use(securityHeaders);
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
