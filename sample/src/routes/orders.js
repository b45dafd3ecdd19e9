const express = require('express');
const { pool } = require('../db');
const { requireAuth } = require('../auth');

const router = express.Router();

router.get('/', requireAuth, async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT id, total, status FROM orders WHERE customer_id = $1', [req.user.sub]);
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.post('/', requireAuth, async (req, res, next) => {
  try {
    const { rows } = await pool.query(
      'INSERT INTO orders (customer_id, total) VALUES ($1, $2) RETURNING id',
      [req.user.sub, Number(req.body.total)],
    );
    res.status(201).json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.delete('/:id', async (req, res, next) => {
  try {
    await pool.query(`DELETE FROM orders WHERE id = ${req.params.id}`);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
