const Koa = require('koa');
const jwt = require('koa-jwt');
const bodyParser = require('koa-bodyparser');
const publicRouter = require('./routes/public');
const apiRouter = require('./routes/api');
const feedbackRouter = require('./routes/feedback');

const app = new Koa();
app.use(bodyParser());
app.use(publicRouter.routes());
app.use(feedbackRouter.routes());
app.use(jwt({ secret: process.env.JWT_SECRET }));
app.use(apiRouter.routes()).use(apiRouter.allowedMethods());

module.exports = app;
