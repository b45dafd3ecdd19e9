const { z } = require('zod');

/** What a note may hold. Unknown fields are refused rather than silently stored (mass assignment). */
const noteSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(10_000).default(''),
});

/** A positive whole number in a path (`/notes/12`); anything else is not an id. */
const idSchema = z.coerce.number().int().positive();

/**
 * Middleware that replaces req.body with the parsed note, or answers 400 with what is wrong
 * (field and reason, never the value sent back).
 */
function validateNote(req, res, next) {
  const result = noteSchema.safeParse(req.body ?? {});
  if (!result.success) {
    return res.status(400).json({
      error: 'invalid_note',
      details: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
  }
  req.body = result.data;
  next();
}

/** The id in the path as a number, or undefined when it is not a positive whole number. */
function noteId(req) {
  const result = idSchema.safeParse(req.params.id);
  return result.success ? result.data : undefined;
}

module.exports = { validateNote, noteId };
