const express = require('express');
const { ensureLoggedIn } = require('connect-ensure-login');
const User = require('../models/user');

const router = express.Router();

router.get('/users', async (req, res) => res.json(await User.find())); // expect: missing-auth
router.post('/users/:id/ban', ensureLoggedIn(), async (req, res) => {
  await User.updateOne({ _id: req.params.id }, { banned: true });
  res.redirect('/admin/users');
});

module.exports = router;
