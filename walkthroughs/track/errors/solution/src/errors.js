/** Answers any request no route matched, in the same JSON shape as every other error. */
function notFound(req, res) {
  res.status(404).json({ error: 'not_found' });
}

/**
 * The last middleware: four parameters is how Express recognises an error handler. Client mistakes get a
 * short code; anything else gets a generic 500, with the details in the server log, never in the response.
 * Express 5 sends rejected promises of async handlers here too.
 */
function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  // express.json() marks its errors with a type: unparsable or oversized bodies are the client's mistake
  if (err.type === 'entity.parse.failed') return res.status(400).json({ error: 'invalid_json' });
  if (err.type === 'entity.too.large') return res.status(413).json({ error: 'body_too_large' });
  const status = Number.isInteger(err.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error(err);
  res.status(status).json({ error: status === 500 ? 'internal_error' : 'bad_request' });
}

module.exports = { notFound, errorHandler };
