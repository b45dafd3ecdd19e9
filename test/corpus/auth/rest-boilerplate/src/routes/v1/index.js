const express = require('express');
const authRoute = require('./auth.route');
const userRoute = require('./user.route');
const docsRoute = require('./docs.route');

const router = express.Router();

const routes = [
  { path: '/auth', route: authRoute },
  { path: '/users', route: userRoute },
];

routes.forEach((r) => router.use(r.path, r.route));
router.use('/docs', docsRoute);

module.exports = router;
