const express = require('express');

const COLUMNS = 'id, title, body, created_at';

function notesRouter(db) {
  const router = express.Router();

  // GET /notes?q=text: the text is a bound value, compared inside SQL, never pasted into it.
  router.get('/', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json(db.all(`SELECT ${COLUMNS} FROM notes WHERE instr(lower(title), lower(?)) > 0 ORDER BY id`, [q]));
  });

  router.post('/', (req, res) => {
    const { lastId } = db.run('INSERT INTO notes (title, body) VALUES (?, ?)', [String(req.body?.title ?? ''), String(req.body?.body ?? '')]);
    res.status(201).location(`/notes/${lastId}`).json(db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [lastId]));
  });

  router.get('/:id', (req, res) => {
    const note = db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [req.params.id]);
    if (!note) return res.status(404).json({ error: 'not_found' });
    res.json(note);
  });

  router.put('/:id', (req, res) => {
    const { changes } = db.run('UPDATE notes SET title = ?, body = ? WHERE id = ?', [String(req.body?.title ?? ''), String(req.body?.body ?? ''), req.params.id]);
    if (changes === 0) return res.status(404).json({ error: 'not_found' });
    res.json(db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [req.params.id]));
  });

  router.delete('/:id', (req, res) => {
    const { changes } = db.run('DELETE FROM notes WHERE id = ?', [req.params.id]);
    if (changes === 0) return res.status(404).json({ error: 'not_found' });
    res.status(204).end();
  });

  return router;
}

module.exports = { notesRouter };
