const router = require('express').Router();

router.get('/', (req, res) => res.json(req.user));
router.put('/', (req, res) => res.json({ ...req.user, ...req.body }));

module.exports = router;
