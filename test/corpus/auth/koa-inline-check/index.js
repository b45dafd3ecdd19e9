const Koa = require('koa');
const Router = require('koa-router');
const session = require('koa-session');

const app = new Koa();
const router = new Router();

router.get('/', async (ctx) => { ctx.body = 'home'; });
router.post('/comments', async (ctx) => { ctx.status = 201; }); // expect: missing-auth

router.use(async (ctx, next) => {
  if (!ctx.session.userId) ctx.throw(401, 'login first');
  await next();
});

router.post('/posts', async (ctx) => { ctx.status = 201; });
router.delete('/posts/:id', async (ctx) => { ctx.status = 204; });

app.keys = [process.env.SESSION_KEY];
app.use(session(app));
app.use(router.routes());
app.listen(3000);
