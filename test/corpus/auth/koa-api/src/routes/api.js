const Router = require('@koa/router');
const users = require('../controllers/users');
const orders = require('../controllers/orders');

const router = new Router({ prefix: '/api' });
router.get('/users/me', users.me);
router.post('/orders', orders.create);
router.del('/orders/:id', orders.remove);

module.exports = router;
