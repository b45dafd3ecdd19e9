const express = require('express');

/** CRUD on notes kept in memory: enough to learn the HTTP side before adding a database. */
function notesRouter() {
  const router = express.Router();
  const notes = new Map();
  let nextId = 1;

  router.get('/', (req, res) => {
    res.json([...notes.values()]);
  });

  router.post('/', (req, res) => {
    const note = { id: nextId++, title: String(req.body?.title ?? ''), body: String(req.body?.body ?? '') };
    notes.set(note.id, note);
    // 201 Created, with the new resource's address in Location (RFC 9110, section 15.3.2).
    res.status(201).location(`/notes/${note.id}`).json(note);
  });

  router.get('/:id', (req, res) => {
    const note = notes.get(Number(req.params.id));
    if (!note) return res.status(404).json({ error: 'not_found' });
    res.json(note);
  });

  router.put('/:id', (req, res) => {
    const note = notes.get(Number(req.params.id));
    if (!note) return res.status(404).json({ error: 'not_found' });
    const updated = { ...note, title: String(req.body?.title ?? note.title), body: String(req.body?.body ?? note.body) };
    notes.set(note.id, updated);
    res.json(updated);
  });

  router.delete('/:id', (req, res) => {
    if (!notes.delete(Number(req.params.id))) return res.status(404).json({ error: 'not_found' });
    res.status(204).end();
  });

  return router;
}

module.exports = { notesRouter };
