const Router = require('@koa/router');
const feedback = require('../controllers/feedback');

const router = new Router({ prefix: '/feedback' });
router.get('/', feedback.list);
router.delete('/:id', feedback.remove); // expect: missing-auth

module.exports = router;
