const Koa = require('koa');
const helmet = require('koa-helmet');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
router.get('/', (ctx) => { ctx.body = 'hello'; });
app.use(helmet());
app.use(router.routes());
app.listen(3000);
