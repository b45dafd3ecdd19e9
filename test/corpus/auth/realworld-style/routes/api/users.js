const router = require('express').Router();
const auth = require('../auth');
const users = require('../../controllers/users');

router.get('/user', auth.required, users.current);
router.put('/user', auth.required, users.update);
router.post('/users/login', users.login);
router.post('/users', users.register);

module.exports = router;
