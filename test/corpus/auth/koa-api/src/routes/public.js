const Router = require('@koa/router');
const auth = require('../controllers/auth');

const router = new Router({ prefix: '/auth' });
router.post('/login', auth.login);
router.post('/register', auth.register);

module.exports = router;
