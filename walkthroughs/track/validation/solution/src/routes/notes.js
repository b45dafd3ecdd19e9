const express = require('express');
const { noteId, validateNote } = require('../validate');

const COLUMNS = 'id, title, body, created_at';

function notesRouter(db) {
  const router = express.Router();

  router.get('/', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json(db.all(`SELECT ${COLUMNS} FROM notes WHERE instr(lower(title), lower(?)) > 0 ORDER BY id`, [q]));
  });

  router.post('/', validateNote, (req, res) => {
    const { lastId } = db.run('INSERT INTO notes (title, body) VALUES (?, ?)', [req.body.title, req.body.body]);
    res.status(201).location(`/notes/${lastId}`).json(db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [lastId]));
  });

  router.get('/:id', (req, res) => {
    const id = noteId(req);
    const note = id && db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [id]);
    if (!note) return res.status(404).json({ error: 'not_found' });
    res.json(note);
  });

  router.put('/:id', validateNote, (req, res) => {
    const id = noteId(req);
    const { changes } = id ? db.run('UPDATE notes SET title = ?, body = ? WHERE id = ?', [req.body.title, req.body.body, id]) : { changes: 0 };
    if (changes === 0) return res.status(404).json({ error: 'not_found' });
    res.json(db.get(`SELECT ${COLUMNS} FROM notes WHERE id = ?`, [id]));
  });

  router.delete('/:id', (req, res) => {
    const id = noteId(req);
    const { changes } = id ? db.run('DELETE FROM notes WHERE id = ?', [id]) : { changes: 0 };
    if (changes === 0) return res.status(404).json({ error: 'not_found' });
    res.status(204).end();
  });

  return router;
}

module.exports = { notesRouter };
