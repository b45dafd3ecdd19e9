const router = require('express').Router();

router.post('/login', (req, res) => res.json({ token: 'x' }));
router.get('/catalog', (req, res) => res.json([]));

module.exports = router;
