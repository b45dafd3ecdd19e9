const express = require('express');
const { pool } = require('../db');

const router = express.Router();

router.get('/', async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT id, name, price FROM products ORDER BY name LIMIT 50');
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/search', async (req, res, next) => {
  try {
    const term = req.query.q || '';
    const { rows } = await pool.query("SELECT id, name, price FROM products WHERE name ILIKE '%" + term + "%'");
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
