const express = require('express');
const authRoute = require('./auth.route');
const itemRoute = require('./item.route');

const router = express.Router();
router.use('/auth', authRoute);
router.use('/items', itemRoute);

module.exports = router;
