const express = require('express');
const { noteId, validateNote } = require('../validate');

const COLUMNS = 'id, title, body, created_at';

/**
 * The signed-in user's notes. Every query is scoped with `owner_id = ?`, so another user's note is
 * "not found" (404): the answer does not even confirm that it exists (OWASP API1:2023, BOLA).
 */
function notesRouter(db, requireAuth) {
  const router = express.Router();
  router.use(requireAuth);

  router.get('/', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json(db.all(`SELECT ${COLUMNS} FROM notes WHERE owner_id = ? AND instr(lower(title), lower(?)) > 0 ORDER BY id`, [req.userId, q]));
  });

  router.post('/', validateNote, (req, res) => {
    const { lastId } = db.run('INSERT INTO notes (title, body, owner_id) VALUES (?, ?, ?)', [req.body.title, req.body.body, req.userId]);
    res.status(201).location(`/notes/${lastId}`).json(db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [lastId]));
  });

  router.get('/:id', (req, res) => {
    const id = noteId(req);
    const note = id && db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ? AND owner_id = ?`, [id, req.userId]);
    if (!note) return res.status(404).json({ error: 'not_found' });
    res.json(note);
  });

  router.put('/:id', validateNote, (req, res) => {
    const id = noteId(req);
    const { changes } = id ? db.run('UPDATE notes SET title = ?, body = ? WHERE id = ? AND owner_id = ?', [req.body.title, req.body.body, id, req.userId]) : { changes: 0 };
    if (changes === 0) return res.status(404).json({ error: 'not_found' });
    res.json(db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [id]));
  });

  router.delete('/:id', (req, res) => {
    const id = noteId(req);
    const { changes } = id ? db.run('DELETE FROM notes WHERE id = ? AND owner_id = ?', [id, req.userId]) : { changes: 0 };
    if (changes === 0) return res.status(404).json({ error: 'not_found' });
    res.status(204).end();
  });

  return router;
}

module.exports = { notesRouter };
