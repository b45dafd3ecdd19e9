const router = require('express').Router();
const orders = require('../services/orders');

router.get('/', async (req, res) => res.json(await orders.list())); // expect: missing-auth
router.post('/', async (req, res) => res.status(201).json(await orders.create(req.body))); // expect: missing-auth

module.exports = router;
