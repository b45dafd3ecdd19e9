const db = require('../db');

exports.list = async (req, res) => {
  if (!req.session.userId) return res.status(401).json({ error: 'login required' });
  res.json(await db.notes.byOwner(req.session.userId));
};

exports.create = async (req, res) => {
  if (!req.session.userId) return res.status(401).json({ error: 'login required' });
  res.status(201).json(await db.notes.add(req.session.userId, req.body.text));
};

exports.update = async (req, res) => {
  const note = await db.notes.update(req.params.id, req.body.text);
  res.json(note);
};

exports.remove = async (req, res) => {
  if (!req.session.userId) return res.sendStatus(403);
  await db.notes.remove(req.params.id, req.session.userId);
  res.sendStatus(204);
};
