import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/** A single-file Express app around the given lines. */
function expressApp(lines: string, head = ''): string {
  return `const express = require('express');\n${head}const app = express();\n${lines}\napp.listen(3000);\n`;
}

const AUTH_HEAD = "const { requireAuth } = require('./middleware/auth');\n";

const express: { valid: (string | ValidCase)[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'route-level requireAuth', code: expressApp("app.post('/orders', requireAuth, createOrder);", AUTH_HEAD) },
    { name: 'passport.authenticate on the route', code: expressApp("app.delete('/users/:id', passport.authenticate('jwt', { session: false }), removeUser);", "const passport = require('passport');\n") },
    { name: 'app-level auth registered before the routes', code: expressApp("app.use(requireAuth);\napp.post('/orders', createOrder);\napp.get('/users', listUsers);", AUTH_HEAD) },
    { name: 'path-scoped app-level auth covers the routes under it', code: expressApp("app.use('/api', requireAuth);\napp.post('/api/orders', createOrder);", AUTH_HEAD) },
    { name: 'express-jwt with unless, registered first', code: expressApp("app.use(expressjwt({ secret: process.env.SECRET, algorithms: ['HS256'] }).unless({ path: ['/login'] }));\napp.post('/login', login);\napp.put('/profile', updateProfile);", "const { expressjwt } = require('express-jwt');\n") },
    { name: 'in-handler check that ends the request with 401', code: expressApp("app.post('/items', (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'login first' });\n  res.status(201).end();\n});") },
    { name: 'req.isAuthenticated() with a redirect to the login page', code: expressApp("app.post('/notes', function (req, res) {\n  if (!req.isAuthenticated()) return res.redirect('/login');\n  res.send('saved');\n});") },
    { name: 'session check with 403', code: expressApp("app.delete('/notes/:id', async (req, res) => {\n  if (!req.session.userId) { return res.sendStatus(403); }\n  res.sendStatus(204);\n});") },
    { name: 'manual JWT verification in the handler', code: expressApp("app.patch('/settings', (req, res) => {\n  const claims = jwt.verify(req.headers.authorization.slice(7), key);\n  res.json(claims);\n});", "const jwt = require('jsonwebtoken');\n") },
    { name: 'GET of a non-sensitive resource', code: expressApp("app.get('/products', listProducts);\napp.get('/', home);") },
    { name: 'HEAD and OPTIONS routes', code: expressApp("app.head('/users', headUsers);\napp.options('/orders', cors());") },
    { name: 'sign-in flow routes are public', code: expressApp("app.post('/login', login);\napp.post('/auth/register', register);\napp.post('/signup', signup);\napp.post('/forgot-password', forgot);\napp.post('/reset-password/:token', reset);\napp.post('/logout', logout);\napp.post('/auth/refresh-token', refresh);") },
    { name: 'health and docs endpoints are public', code: expressApp("app.get('/health', (req, res) => res.send('ok'));\napp.get('/api/v1/status', status);\napp.get('/api-docs', docs);") },
    { name: 'route marked public with a reason', code: expressApp("// backend-guide-public: visitors may leave a message without an account\napp.post('/contact', sendMessage);") },
    { name: 'public marker at the end of the line', code: expressApp("app.post('/newsletter', subscribe); // backend-guide-public: open sign-up form") },
    { name: 'public marker above a multi-line comment block', code: expressApp("// backend-guide-public: anonymous feedback is a product requirement\n// see docs/feedback.md\napp.post('/feedback', saveFeedback);") },
    { name: 'auth.publicRoutes in config', options: { auth: { publicRoutes: ['POST /contact', '/api/public/**'] } }, code: expressApp("app.post('/contact', sendMessage);\napp.delete('/api/public/drafts/:id', removeDraft);") },
    { name: 'auth.middleware adds a project-specific name', options: { auth: { middleware: ['mustBeSignedIn'] } }, code: expressApp("app.post('/orders', mustBeSignedIn, createOrder);") },
    { name: 'webhook that verifies its signature', code: expressApp("app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {\n  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);\n  res.json({ received: event.id });\n});") },
    { name: 'router with router-level auth mounted on the app', code: expressApp("const api = express.Router();\napi.use(requireAuth);\napi.post('/orders', createOrder);\napp.use('/api', api);", AUTH_HEAD) },
    { name: 'auth given at mount time protects the router', code: expressApp("const admin = express.Router();\nadmin.delete('/users/:id', removeUser);\napp.use('/admin', isAdmin, admin);", "const { isAdmin } = require('./middleware/roles');\n") },
    { name: 'route().post() chain with auth', code: expressApp("app.route('/posts/:id').put(requireAuth, updatePost).delete(requireAuth, removePost);", AUTH_HEAD) },
    { name: 'middleware array with authenticate', code: expressApp("app.post('/comments', [authenticate, validate(schema)], addComment);", "const { authenticate, validate } = require('./middleware');\n") },
    { name: 'local middleware whose body checks the session', code: expressApp("function mustLogIn(req, res, next) {\n  if (!req.session.user) return res.redirect('/login');\n  next();\n}\napp.post('/posts', mustLogIn, createPost);") },
    { name: "app.all('/api/*', requireAuth) acts as middleware", code: expressApp("app.all('/api/*', requireAuth);\napp.post('/api/orders', createOrder);", AUTH_HEAD) },
    { name: 'RealWorld-style auth.required', code: expressApp("app.put('/api/user', auth.required, updateUser);", "const auth = require('./auth');\n") },
    { name: 'authJwt.verifyToken and authJwt.isAdmin', code: expressApp("app.delete('/api/users/:id', [authJwt.verifyToken, authJwt.isAdmin], removeUser);", "const { authJwt } = require('./middleware');\n") },
    { name: 'auth middleware wrapped in an async helper', code: expressApp("app.delete('/links/:id', asyncHandler(auth.jwt), asyncHandler(links.remove));", "const auth = require('./auth');\n") },
    { name: 'auth middleware inside a spread array', code: expressApp("const common = [parseBody, ensureLoggedIn()];\napp.post('/posts', [...common], createPost);", "const { ensureLoggedIn } = require('connect-ensure-login');\n") },
    { name: 'project middleware that answers 401 counts, whatever its name', code: expressApp("const gate = (req, res, next) => (req.get('x-api-key') === process.env.KEY ? next() : res.status(401).end());\napp.post('/jobs', gate, createJob);") },
    { name: 'app-level middleware that hands the request to a check', code: expressApp("app.use(async (req, res, next) => {\n  if (PUBLIC.includes(req.path)) return next();\n  return verifyToken(req, res, next);\n});\napp.post('/flows', createFlow);") },
    { name: 'a handler that only answers 405 changes nothing', code: expressApp("app.delete('/mcp/:id', (req, res) => res.status(405).json({ error: 'not allowed' }));") },
    { name: 'not a route: a query builder method named put', code: "function dump(dmp, table) {\n  dmp.put('^insert ^into %f ', table);\n}\nmodule.exports = dump;\n" },
    { name: 'not a route: a browser client call', fileName: '/p/public/js/api.js', code: "function save(api, id, body) {\n  return api.put('/users/' + id, body);\n}\n" },
    { name: 'not a route: a model method named like a verb', code: "async function purge(Topics, id, uid) {\n  await Topics.delete(id, uid);\n}\nmodule.exports = purge;\n" },
    { name: 'sign-up, contact forms and one-time codes are public by design', code: expressApp("app.post('/api/users', signUp);\napp.post('/contact', sendMessage);\napp.post('/auth/validate-otp', checkCode);\napp.post('/links/report', reportLink);") },
    { name: "a GET that reads only the caller's own req.user leaks nothing without a user", code: expressApp("app.get('/preferences', (req, res) => res.json(req.user ? req.user.preferences : {}));") },
    { name: 'a handler that checks a secret the caller presents (a link password)', code: expressApp("app.post('/links/:id/unlock', async (req, res) => {\n  const link = await Link.findById(req.params.id);\n  if (!(await bcrypt.compare(req.body.password, link.password))) return res.status(401).end();\n  res.json({ target: link.target });\n});") },
    { name: 'validDeviceToken and validApiKey name checks', code: expressApp("app.post('/mobile/send', [validDeviceToken], send);\napp.delete('/keys/:id', validApiKey, removeKey);", "const { validDeviceToken, validApiKey } = require('./middleware');\n") },
    { name: 'requesting a token is a sign-in step', code: expressApp("app.post('/api/request-token', issueToken);") },
    { name: 'middleware that verifies a signed request and answers 400 authenticates the sender', code: expressApp("function verifyIntegrity(request, response, next) {\n  const signature = request.header('X-Integrity');\n  if (!signature || !keys.verify(signature, request.body)) return response.status(400).json({ msg: 'bad signature' });\n  next();\n}\napp.post('/process', [verifyIntegrity], processFile);") },
    { name: 'an admin route with a role check', code: expressApp("app.delete('/admin/users/:id', requireAuth, requireRole('admin'), removeUser);", "const { requireAuth, requireRole } = require('./auth');\n") },
    { name: 'an admin route whose guard checks the role in its code', code: expressApp("function staffOnly(req, res, next) {\n  if (!req.user || req.user.role !== 'staff') return res.sendStatus(403);\n  next();\n}\napp.post('/admin/reindex', staffOnly, reindex);") },
    { name: 'a compound segment names its last word: multi-user-mode is a mode, not user data', code: expressApp("app.get('/api/system/multi-user-mode', (req, res) => res.json({ on: settings.multiUser }));") },
    { name: 'a generated file served by GET is public whatever its name', code: expressApp("app.get('/sitemap/users/:bucket.xml.gz', sendSitemap);") },
    { name: 'passportConfig.isAuthenticated (hackathon-starter style)', code: expressApp("app.post('/account/profile', passportConfig.isAuthenticated, postUpdateProfile);", "const passportConfig = require('./config/passport');\n") },
    { name: 'NodeGoat-style local alias isLoggedIn', code: expressApp("const isLoggedIn = sessionHandler.isLoggedInMiddleware;\napp.post('/profile', isLoggedIn, profileHandler.handleProfileUpdate);", "const sessionHandler = require('./session');\n") },
    { name: 'restrictTo role check after protect', code: expressApp("app.delete('/tours/:id', protect, restrictTo('admin', 'lead-guide'), deleteTour);", "const { protect, restrictTo } = require('./controllers/authController');\n") },
    { name: 'a route whose only function is an access check (a later layer answers)', code: expressApp("app.delete('/api/products/:id', security.denyAll());", "const security = require('./lib/security');\n") },
    { name: 'exported router with route-level auth, without project facts', code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/orders', requireAuth, createOrder);\nmodule.exports = router;\n" },
    { name: 'test file', fileName: 'test/routes.test.js', code: expressApp("app.post('/orders', createOrder);") },
  ],
  invalid: [
    {
      name: 'POST without any check: fix inserts the project\'s middleware',
      code: expressApp("app.get('/orders/:id', requireAuth, getOrder);\napp.post('/orders', createOrder);", AUTH_HEAD),
      errors: [{ messageId: 'missingAuth', line: 5, column: 1, endColumn: 19, messageIncludes: ['POST /orders', 'requireAuth'] }],
      output: expressApp("app.get('/orders/:id', requireAuth, getOrder);\napp.post('/orders', requireAuth, createOrder);", AUTH_HEAD),
    },
    {
      name: 'mark-public fix',
      code: expressApp("app.post('/messages', sendMessage);"),
      errors: [{ messageId: 'missingAuth' }],
      fixTitle: 'Mark this route public',
      output: expressApp("// backend-guide-public: <why anyone may call this route>\napp.post('/messages', sendMessage);"),
    },
    { name: 'DELETE', code: expressApp("app.delete('/users/:id', removeUser);"), errors: [{ messageId: 'missingAuth', line: 3, messageIncludes: ['DELETE /users/:id'] }] },
    { name: 'PUT', code: expressApp("app.put('/posts/:id', updatePost);"), errors: [{ messageId: 'missingAuth', messageIncludes: ['PUT /posts/:id'] }] },
    { name: 'PATCH', code: expressApp("app.patch('/settings', updateSettings);"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'app.all on a concrete path', code: expressApp("app.all('/orders/:id', handleOrder);"), errors: [{ messageId: 'missingAuth', messageIncludes: ['ALL /orders/:id'] }] },
    { name: 'GET /users is sensitive', code: expressApp("app.get('/api/users', listUsers);"), errors: [{ messageId: 'missingAuthSensitive', messageIncludes: ['GET /api/users', '/users'] }] },
    { name: 'GET /me', code: expressApp("app.get('/me', getMe);"), errors: [{ messageId: 'missingAuthSensitive' }] },
    { name: 'GET /account/settings', code: expressApp("app.get('/account/settings', showSettings);"), errors: [{ messageId: 'missingAuthSensitive' }] },
    { name: 'GET with a :userId parameter', code: expressApp("app.get('/allocations/:userId', showAllocations);"), errors: [{ messageId: 'missingAuthSensitive', messageIncludes: [':userId'] }] },
    { name: 'GET handler that lists every user record', code: expressApp("app.get('/directory', async (req, res) => res.json(await User.find({})));"), errors: [{ messageId: 'missingAuthSensitive', messageIncludes: ['user, account or order records'] }] },
    { name: 'GET handler that queries User records', code: expressApp("app.get('/leaderboard', async (req, res) => {\n  res.json(await User.find({}).select('email name'));\n});"), errors: [{ messageId: 'missingAuthSensitive' }] },
    { name: 'GET handler named after a sensitive resource', code: expressApp("app.get('/list', userController.getUsers);"), errors: [{ messageId: 'missingAuthSensitive', messageIncludes: ['userController.getUsers'] }] },
    {
      name: 'route registered before the app-level auth middleware',
      code: expressApp("app.post('/api/orders', createOrder);\napp.use(requireAuth);\napp.post('/api/payments', pay);", AUTH_HEAD),
      errors: [{ messageId: 'authAfterRoute', line: 4, messageIncludes: ['requireAuth', 'line 5'] }],
    },
    { name: 'path-scoped auth does not cover other paths', code: expressApp("app.use('/admin', requireAuth);\napp.post('/api/orders', createOrder);", AUTH_HEAD), errors: [{ messageId: 'missingAuth' }] },
    { name: 'optional auth is not a check', code: expressApp("app.post('/api/articles', auth.optional, createArticle);", "const auth = require('./auth');\n"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'isNotAuthenticated is not a check', code: expressApp("app.post('/comments', authHandler.isNotAuthenticated, addComment);"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'passport.initialize and passport.session only populate req.user', code: expressApp("app.use(passport.initialize());\napp.use(passport.session());\napp.post('/orders', createOrder);", "const passport = require('passport');\n"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'a rate limiter named after auth is not a check', code: expressApp("app.post('/transfers', authLimiter, transfer);"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'webhook without a signature check', code: expressApp("app.post('/webhooks/payments', (req, res) => {\n  markPaid(req.body.orderId);\n  res.sendStatus(200);\n});"), errors: [{ messageId: 'unsignedWebhook' }] },
    { name: 'public marker without a reason does not count', code: expressApp("// backend-guide-public:\napp.post('/messages', sendMessage);"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'reading req.user without ending the request is no check', code: expressApp("app.post('/likes', (req, res) => {\n  console.log('like from', req.user && req.user.id);\n  res.sendStatus(201);\n});"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'auth.sensitivePaths adds a GET path', options: { auth: { sensitivePaths: ['reports'] } }, code: expressApp("app.get('/reports/monthly', monthlyReport);"), errors: [{ messageId: 'missingAuthSensitive' }] },
    { name: 'admin paths are never public by name', code: expressApp("app.post('/admin/users/:id/reset-password', resetPassword);"), errors: [{ messageId: 'missingAuth' }] },
    { name: 'router mounted in the same file without auth', code: expressApp("const api = express.Router();\napi.post('/orders', createOrder);\napp.use('/api', api);"), errors: [{ messageId: 'missingAuth', line: 4, messageIncludes: ['POST /api/orders'] }] },
    { name: 'router-level auth registered after the route', code: expressApp("const api = express.Router();\napi.post('/orders', createOrder);\napi.use(requireAuth);\napp.use('/api', api);", AUTH_HEAD), errors: [{ messageId: 'authAfterRoute' }] },
    { name: 'two routes, one chained after route()', code: expressApp("app.route('/posts').get(listPosts).post(createPost);"), errors: [{ messageId: 'missingAuth', line: 3, column: 36 }] },
    { name: 'exported router without project facts is judged on its own middleware', code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/orders', createOrder);\nmodule.exports = router;\n", errors: [{ messageId: 'missingAuth', line: 3 }] },
    { name: 'routes function without project facts is judged on its own middleware', code: "module.exports = function (app) {\n  app.delete('/users/:id', removeUser);\n};\n", errors: [{ messageId: 'missingAuth', line: 2 }] },
    { name: 'TypeScript app', languageId: 'typescript', code: "import express, { Request, Response } from 'express';\nconst app = express();\napp.delete('/api/accounts/:id', (req: Request, res: Response) => res.sendStatus(204));\napp.listen(3000);\n", errors: [{ messageId: 'missingAuth', line: 3 }] },
  ],
};

const API_APP = "const express = require('express');\nconst app = express();\n";

const crossFile: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'router mounted with auth at the mount',
      fileName: '/p/routes/orders.js',
      code: "const router = require('express').Router();\nrouter.post('/', createOrder);\nrouter.delete('/:id', removeOrder);\nmodule.exports = router;\n",
      files: { '/p/app.js': `${API_APP}const { requireAuth } = require('./middleware/auth');\napp.use('/orders', requireAuth, require('./routes/orders'));\napp.listen(3000);\n` },
    },
    {
      name: 'router mounted after app-level auth',
      fileName: '/p/routes/orders.js',
      code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/', createOrder);\nmodule.exports = router;\n",
      files: { '/p/app.js': `${API_APP}const passport = require('passport');\nconst orders = require('./routes/orders');\napp.use(passport.authenticate('jwt', { session: false }));\napp.use('/orders', orders);\napp.listen(3000);\n` },
    },
    {
      name: 'nested routers: auth on the parent router',
      fileName: '/p/src/routes/v1/user.route.js',
      code: "const express = require('express');\nconst router = express.Router();\nrouter.patch('/:userId', updateUser);\nmodule.exports = router;\n",
      files: {
        '/p/src/routes/v1/index.js': "const express = require('express');\nconst { verifyToken } = require('../../middlewares/jwt');\nconst userRoute = require('./user.route');\nconst router = express.Router();\nrouter.use('/users', verifyToken, userRoute);\nmodule.exports = router;\n",
        '/p/src/app.js': `${API_APP}app.use('/v1', require('./routes/v1'));\nmodule.exports = app;\n`,
      },
    },
    {
      name: 'routes function called after app-level auth',
      fileName: '/p/routes.js',
      code: "module.exports = function (app) {\n  app.delete('/users/:id', removeUser);\n};\n",
      files: { '/p/server.js': `${API_APP}const { isAuthenticated } = require('./auth');\napp.use(isAuthenticated);\nrequire('./routes')(app);\napp.listen(3000);\n` },
    },
    {
      name: 'Koa-style public then authenticated route functions',
      fileName: '/p/routes/authenticated.js',
      code: "module.exports = (app) => {\n  app.post('/orders', createOrder);\n};\n",
      files: {
        '/p/routes/index.js': "const jwt = require('express-jwt');\nconst publicRoutes = require('./public');\nconst authenticatedRoutes = require('./authenticated');\nmodule.exports = (app) => {\n  publicRoutes(app);\n  app.use(jwt({ secret: 's' }));\n  authenticatedRoutes(app);\n};\n",
        '/p/routes/public.js': "module.exports = (app) => {\n  app.post('/login', login);\n};\n",
        '/p/server.js': `${API_APP}require('./routes')(app);\napp.listen(3000);\n`,
      },
    },
    {
      name: 'module-level router returned by a function and mounted (DVNA style)',
      fileName: '/p/routes/app.js',
      code: "var router = require('express').Router();\nvar authHandler = require('../core/authHandler');\nmodule.exports = function () {\n  router.post('/products', authHandler.isAuthenticated, productSearch);\n  return router;\n};\n",
      files: { '/p/server.js': `${API_APP}app.use('/app', require('./routes/app')());\napp.listen(3000);\n` },
    },
    {
      name: 'middleware imported from another file whose body checks the session',
      fileName: '/p/app.js',
      code: `${API_APP}const gate = require('./gate');\napp.post('/notes', gate, createNote);\napp.listen(3000);\n`,
      files: { '/p/gate.js': "module.exports = function (req, res, next) {\n  if (!req.session || !req.session.userId) return res.status(401).end();\n  next();\n};\n" },
    },
    {
      name: 'handler in a controller file with an in-handler check',
      fileName: '/p/app.js',
      code: `${API_APP}const notes = require('./controllers/notes');\napp.delete('/notes/:id', notes.remove);\napp.listen(3000);\n`,
      files: { '/p/controllers/notes.js': "exports.remove = async (req, res) => {\n  if (!req.user) throw new Unauthorized();\n  res.sendStatus(204);\n};\n" },
    },
    {
      name: 'TypeScript route class with route-level auth middleware',
      fileName: '/p/src/routes/users.route.ts',
      languageId: 'typescript',
      code: "import { Router } from 'express';\nimport authMiddleware from '../middlewares/auth.middleware';\nimport UsersController from '../controllers/users.controller';\n\nclass UsersRoute {\n  public path = '/users';\n  public router = Router();\n  public usersController = new UsersController();\n  constructor() {\n    this.router.post(`${this.path}`, authMiddleware, this.usersController.createUser);\n    this.router.delete(`${this.path}/:id`, authMiddleware, this.usersController.deleteUser);\n  }\n}\nexport default UsersRoute;\n",
      files: {},
    },
  ],
  invalid: [
    {
      name: 'router in its own file, mounted without auth',
      fileName: '/p/routes/orders.js',
      code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/', createOrder);\nmodule.exports = router;\n",
      files: { '/p/app.js': `${API_APP}const { requireAuth } = require('./auth');\napp.get('/account', requireAuth, account);\napp.use('/orders', require('./routes/orders'));\napp.listen(3000);\n` },
      errors: [{ messageId: 'missingAuth', line: 3, messageIncludes: ['POST /orders', 'of this app check the caller'] }],
    },
    {
      name: 'router mounted before the app-level auth middleware',
      fileName: '/p/routes/orders.js',
      code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/', createOrder);\nmodule.exports = router;\n",
      files: { '/p/app.js': `${API_APP}const { requireAuth } = require('./auth');\napp.use('/orders', require('./routes/orders'));\napp.use(requireAuth);\napp.listen(3000);\n` },
      errors: [{ messageId: 'authAfterRoute', messageIncludes: ['app.js:5'] }],
    },
    {
      name: 'routes function called before app-level auth',
      fileName: '/p/routes.js',
      code: "module.exports = function (app) {\n  app.put('/users/:id', updateUser);\n};\n",
      files: { '/p/server.js': `${API_APP}const { isAuthenticated } = require('./auth');\nrequire('./routes')(app);\napp.use(isAuthenticated);\napp.listen(3000);\n` },
      errors: [{ messageId: 'authAfterRoute' }],
    },
    {
      name: 'exported router never mounted: judged on its own middleware',
      fileName: '/p/routes/users.js',
      code: "const { Router } = require('express');\nconst router = Router();\nrouter.delete('/users/:id', removeUser);\nmodule.exports = router;\n",
      files: { '/p/app.js': `${API_APP}const { requireAuth } = require('./auth');\napp.get('/me', requireAuth, me);\napp.listen(3000);\n` },
      errors: [{ messageId: 'missingAuth' }],
    },
    {
      name: 'fix imports the middleware the way another route file does',
      fileName: '/p/src/routes/orders.js',
      code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/', createOrder);\nmodule.exports = router;\n",
      files: {
        '/p/src/routes/users.js': "const express = require('express');\nconst { requireAuth } = require('../middleware/auth');\nconst router = express.Router();\nrouter.delete('/:id', requireAuth, removeUser);\nrouter.put('/:id', requireAuth, updateUser);\nmodule.exports = router;\n",
        // a stub that always calls next() checks nobody (the judge reads its body); this one refuses like a real one
        '/p/src/middleware/auth.js': "exports.requireAuth = (req, res, next) => (req.user ? next() : res.sendStatus(401));\n",
        '/p/src/app.js': `${API_APP}app.use('/users', require('./routes/users'));\napp.use('/orders', require('./routes/orders'));\napp.listen(3000);\n`,
      },
      errors: [{ messageId: 'missingAuth', messageIncludes: ['this project uses requireAuth'] }],
      output: "const express = require('express');\nconst { requireAuth } = require('../middleware/auth');\nconst router = express.Router();\nrouter.post('/', requireAuth, createOrder);\nmodule.exports = router;\n",
    },
    {
      name: 'GET handler in a controller file that reads req.user',
      fileName: '/p/app.js',
      code: `${API_APP}const account = require('./controllers/account');\napp.get('/summary', account.summary);\napp.get('/me', requireAuth, account.me);\napp.listen(3000);\n`,
      files: { '/p/controllers/account.js': "exports.summary = (req, res) => res.json({ email: req.user.email });\n" },
      errors: [{ messageId: 'missingAuthSensitive' }],
    },
    {
      name: 'TypeScript route class without auth (never mounted statically)',
      fileName: '/p/src/routes/posts.route.ts',
      languageId: 'typescript',
      code: "import { Router } from 'express';\n\nclass PostsRoute {\n  public path = '/posts';\n  public router = Router();\n  constructor() {\n    this.router.delete(`${this.path}/:id`, this.remove);\n  }\n  private remove = async (req, res) => res.sendStatus(204);\n}\nexport default PostsRoute;\n",
      files: { '/p/src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/me', requireAuth, me);\napp.listen(3000);\n" },
      errors: [{ messageId: 'missingAuth', line: 7, messageIncludes: ['DELETE /posts/:id'] }],
    },
  ],
};

const koa: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'koa-router route with koa-jwt', code: "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst jwt = require('koa-jwt');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/orders', jwt({ secret: 's' }), createOrder);\napp.use(router.routes());\napp.listen(3000);\n" },
    { name: 'router.use(auth) before the routes', code: "const Koa = require('koa');\nconst Router = require('koa-router');\nconst app = new Koa();\nconst router = new Router({ prefix: '/api' });\nrouter.use(Auth.authentication);\nrouter.delete('/orders/:id', removeOrder);\napp.use(router.routes()).use(router.allowedMethods());\napp.listen(3000);\n" },
    { name: 'ctx.state.user check in the handler', code: "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/orders', async (ctx) => {\n  if (!ctx.state.user) ctx.throw(401);\n  ctx.status = 201;\n});\napp.use(router.routes());\napp.listen(3000);\n" },
    {
      name: 'app-level koa-jwt before the router is mounted (cross-file)',
      fileName: '/p/routes.js',
      code: "const Router = require('@koa/router');\nconst router = new Router({ prefix: '/api' });\nrouter.put('/profile', updateProfile);\nmodule.exports = router;\n",
      files: { '/p/app.js': "const Koa = require('koa');\nconst jwt = require('koa-jwt');\nconst router = require('./routes');\nconst app = new Koa();\napp.use(jwt({ secret: process.env.JWT_SECRET }));\napp.use(router.routes());\napp.listen(3000);\n" },
    },
    { name: 'login before koa-jwt inside the router', code: "const Koa = require('koa');\nconst Router = require('koa-router');\nconst koaJwt = require('koa-jwt');\nconst app = new Koa();\nconst api = new Router({ prefix: '/api' });\napi.post('/login', login);\napi.use(koaJwt({ secret: 's' }));\napi.get('/me', (ctx) => { ctx.body = ctx.state.user; });\napp.use(api.routes());\napp.listen(3000);\n" },
  ],
  invalid: [
    { name: 'koa-router POST without auth', code: "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router();\nrouter.post('/orders', createOrder);\napp.use(router.routes());\napp.listen(3000);\n", errors: [{ messageId: 'missingAuth', line: 5 }] },
    { name: 'koa-router del alias with a prefix', code: "const Koa = require('koa');\nconst Router = require('koa-router');\nconst app = new Koa();\nconst router = new Router({ prefix: '/api' });\nrouter.del('/orders/:id', removeOrder);\napp.use(router.routes());\napp.listen(3000);\n", errors: [{ messageId: 'missingAuth', messageIncludes: ['DELETE /api/orders/:id'] }] },
    { name: 'sensitive GET under a koa prefix', code: "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst router = new Router({ prefix: '/api' });\nrouter.get('/users/:id', getUser);\napp.use(router.routes());\napp.listen(3000);\n", errors: [{ messageId: 'missingAuthSensitive', messageIncludes: ['GET /api/users/:id'] }] },
    { name: 'route before koa-jwt in the same router', code: "const Koa = require('koa');\nconst Router = require('koa-router');\nconst koaJwt = require('koa-jwt');\nconst app = new Koa();\nconst api = new Router();\napi.post('/payments', pay);\napi.use(koaJwt({ secret: 's' }));\napp.use(api.routes());\napp.listen(3000);\n", errors: [{ messageId: 'authAfterRoute', line: 6 }] },
  ],
};

const fastify: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'onRequest hook in the route options', code: "const fastify = require('fastify')();\nfastify.post('/items', { onRequest: [fastify.authenticate] }, async (request) => ({ ok: true }));\nfastify.listen({ port: 3000 });\n" },
    { name: 'preHandler in fastify.route()', code: "const Fastify = require('fastify');\nconst app = Fastify();\napp.route({ method: 'DELETE', url: '/items/:id', preHandler: app.auth([app.verifyJWT]), handler: async () => ({}) });\napp.listen({ port: 3000 });\n" },
    { name: 'request.jwtVerify() in the handler', code: "import Fastify from 'fastify';\nconst app = Fastify();\napp.put('/profile', async (request, reply) => {\n  await request.jwtVerify();\n  return { ok: true };\n});\nawait app.listen({ port: 3000 });\n" },
    {
      name: 'addHook onRequest in the plugin that declares the routes',
      fileName: '/p/routes/admin.js',
      code: "module.exports = async function (fastify) {\n  fastify.addHook('onRequest', fastify.authenticate);\n  fastify.delete('/users/:id', async () => ({}));\n};\n",
      files: { '/p/server.js': "const Fastify = require('fastify');\nconst app = Fastify();\napp.register(require('./routes/admin'), { prefix: '/admin' });\napp.listen({ port: 3000 });\n" },
    },
    {
      name: 'fastify-plugin hook registered at the root covers other plugins',
      fileName: '/p/routes/items.js',
      code: "module.exports = async function (fastify) {\n  fastify.post('/items', async () => ({}));\n};\n",
      files: {
        '/p/plugins/auth.js': "const fp = require('fastify-plugin');\nmodule.exports = fp(async function (fastify) {\n  fastify.addHook('preHandler', verifySession);\n});\n",
        '/p/server.js': "const fastify = require('fastify')();\nfastify.register(require('./plugins/auth'));\nfastify.register(require('./routes/items'), { prefix: '/api' });\nfastify.listen({ port: 3000 });\n",
      },
    },
  ],
  invalid: [
    {
      name: 'plugin no register() reaches (autoload): route options still read',
      fileName: '/p/routes/users/index.js',
      code: "module.exports = async function (fastify, opts) {\n  fastify.post('/', { onRequest: [fastify.authenticate] }, async (request) => ({}));\n  fastify.delete('/:id', async (request) => ({}));\n};\n",
      files: { '/p/app.js': "const AutoLoad = require('@fastify/autoload');\nmodule.exports = async function (fastify, opts) {\n  fastify.register(AutoLoad, { dir: 'routes' });\n};\n" },
      errors: [{ messageId: 'missingAuth', line: 3 }],
    },
    {
      name: 'an app with no authentication anywhere gets one note on the app, not a finding per route',
      fileName: '/p/app.js',
      code: `${API_APP}app.post('/notes', (req, res) => res.status(201).json(save(req.body)));\napp.delete('/notes/:id', (req, res) => res.json(drop(req.params.id)));\napp.listen(3000);\n`,
      files: {},
      errors: [{ messageId: 'noAuthConcept', line: 2, messageIncludes: ['none of its 2 routes', 'POST /notes'] }],
    },
    {
      name: 'an app that signs users in but checks no route gets one note that says so',
      fileName: '/p/app.js',
      code: `${API_APP}app.post('/login', logIn);\napp.delete('/notes/:id', (req, res) => res.json(drop(req.params.id)));\napp.listen(3000);\n`,
      files: {},
      errors: [{ messageId: 'signInNoChecks', line: 2, messageIncludes: ['signs users in (POST /login)', 'DELETE /notes/:id'] }],
    },
    {
      name: 'an admin route behind a sign-in check only',
      code: expressApp("app.get('/admin/users', requireAuth, async (req, res) => res.json(await User.find({})));", AUTH_HEAD),
      errors: [{ messageId: 'adminWithoutRole', messageIncludes: ['GET /admin/users', 'not whether they are an admin'] }],
    },
    { name: 'a route registered under several paths shows them all', code: expressApp("app.delete(['/notes/:id', '/memos/:id'], removeNote);"), errors: [{ messageId: 'missingAuth', messageIncludes: ['DELETE /notes/:id (also /memos/:id)'] }] },
    { name: 'a template path with an unknown part names it instead of showing /', code: expressApp("app.post(`${API_BASE}/orders`, createOrder);", "const { API_BASE } = require('./config');\n"), errors: [{ messageId: 'missingAuth', messageIncludes: ['POST /{API_BASE}/orders'] }] },
    {
      name: 'a route missing the guard its siblings use names the evidence',
      fileName: '/p/routes/orders.js',
      code: "const express = require('express');\nconst { requireAuth } = require('../auth');\nconst router = express.Router();\nrouter.get('/', requireAuth, list);\nrouter.put('/:id', requireAuth, update);\nrouter.delete('/:id', remove);\nmodule.exports = router;\n",
      files: { '/p/app.js': `${API_APP}app.use('/orders', require('./routes/orders'));\napp.listen(3000);\n` },
      errors: [{ messageId: 'missingAuth', line: 6, messageIncludes: ['DELETE /orders/:id', '2 of 3 routes in routes/orders.js check the caller (most with requireAuth)'] }],
    },
    {
      name: 'a GET whose handler deletes data changes data',
      code: expressApp("app.get('/reset', async (req, res) => {\n  await db.users.deleteMany({});\n  res.send('done');\n});"),
      errors: [{ messageId: 'missingAuth', messageIncludes: ['GET /reset changes data'] }],
    },
    { name: 'fastify POST without hooks', code: "const fastify = require('fastify')({ logger: true });\nfastify.post('/items', async (request) => ({ id: 1 }));\nfastify.listen({ port: 3000 });\n", errors: [{ messageId: 'missingAuth', line: 2 }] },
    { name: 'fastify.route() without preHandler', code: "const Fastify = require('fastify');\nconst app = Fastify();\napp.route({ method: ['PUT', 'PATCH'], url: '/items/:id', handler: async () => ({}) });\napp.listen({ port: 3000 });\n", errors: [{ messageId: 'missingAuth', messageIncludes: ['PUT/PATCH /items/:id'] }] },
    { name: 'fastify schema options but no auth hook', code: "const fastify = require('fastify')();\nfastify.delete('/users/:id', { schema: { params: idSchema } }, async () => ({}));\nfastify.listen({ port: 3000 });\n", errors: [{ messageId: 'missingAuth' }] },
    {
      name: 'plugin registered with a prefix, no hook anywhere',
      fileName: '/p/routes/items.js',
      code: "module.exports = async function (fastify, opts) {\n  fastify.get('/items', async () => []);\n  fastify.delete('/items/:id', async () => ({}));\n};\n",
      files: { '/p/server.js': "const fastify = require('fastify')();\nfastify.get('/me', { preHandler: fastify.authenticate }, async () => ({}));\nfastify.register(require('./routes/items'), { prefix: '/api' });\nfastify.listen({ port: 3000 });\n" },
      errors: [{ messageId: 'missingAuth', line: 3, messageIncludes: ['DELETE /api/items/:id'] }],
    },
  ],
};

const NEST_HEAD = "import { Body, Controller, Delete, Get, Param, Post, Put, UseGuards } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\nimport { JwtAuthGuard } from '../auth/jwt-auth.guard';\n\n";
const NEST_MAIN = { '/p/src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n" };

function nest(name: string, body: string, extra: Partial<ValidCase> = {}): ValidCase {
  return { name, fileName: '/p/src/users/users.controller.ts', languageId: 'typescript', code: NEST_HEAD + body, files: NEST_MAIN, ...extra };
}

const NEST_MODULE_AUTH = "import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';\nimport { AuthMiddleware } from '../auth/auth.middleware';\n@Module({})\nexport class OrdersModule implements NestModule {\n  configure(consumer: MiddlewareConsumer) {\n    consumer\n      .apply(AuthMiddleware)\n      .forRoutes({ path: 'orders', method: RequestMethod.POST }, { path: 'orders/:id', method: RequestMethod.DELETE });\n  }\n}\n";

const nestCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    nest('a project decorator wrapping UseGuards with applyDecorators, defined in another file', "@Controller('orders')\nexport class OrdersController {\n  @Signed()\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/common/signed.decorator.ts': "import { applyDecorators, UseGuards } from '@nestjs/common';\nimport { JwtAuthGuard } from '../auth/jwt-auth.guard';\nexport function Signed() {\n  return applyDecorators(UseGuards(JwtAuthGuard));\n}\n" } }),
    nest('a project guard whose canActivate throws UnauthorizedException, whatever its name', "@Controller('mocks')\n@UseGuards(MockRequestGuard)\nexport class MocksController {\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/mock-server/mock-request.guard.ts': "import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';\n@Injectable()\nexport class MockRequestGuard implements CanActivate {\n  async canActivate(context: ExecutionContext) {\n    const req = context.switchToHttp().getRequest();\n    if (!req.headers['x-token']) throw new UnauthorizedException();\n    return true;\n  }\n}\n" } }),
    nest('auth middleware bound with consumer.apply().forRoutes() in the module', "@Controller('orders')\nexport class OrdersController {\n  @Post()\n  create(@Body() dto: unknown) {}\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/orders/orders.module.ts': NEST_MODULE_AUTH } }),
    nest('forRoutes(Controller) covers every route of that controller', "@Controller('orders')\nexport class OrdersController {\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/orders/orders.module.ts': "import { Module } from '@nestjs/common';\nimport { OrdersController } from './orders.controller';\n@Module({})\nexport class OrdersModule {\n  configure(consumer) {\n    consumer.apply(JwtAuthMiddleware).forRoutes(OrdersController);\n  }\n}\n" } }),
    nest('controller-level AuthGuard', "@Controller('users')\n@UseGuards(AuthGuard('jwt'))\nexport class UsersController {\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n"),
    nest('method-level JwtAuthGuard', "@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n"),
    nest('global guard through APP_GUARD', "@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { APP_GUARD } from '@nestjs/core';\n@Module({ providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })\nexport class AppModule {}\n" } }),
    nest('global guard through useGlobalGuards', "@Controller('users')\nexport class UsersController {\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n", { files: { '/p/src/main.ts': "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.useGlobalGuards(new JwtAuthGuard(app.get(Reflector)));\n  await app.listen(3000);\n}\nbootstrap();\n" } }),
    nest('@Public() marker', "@Controller('auth')\nexport class AuthController {\n  @Public()\n  @Post('subscribe')\n  subscribe(@Body() dto: unknown) {}\n}\n"),
    nest('non-sensitive GET', "@Controller('products')\nexport class ProductsController {\n  @Get()\n  findAll() {}\n}\n"),
    nest('public comment above the decorators', "@Controller('feedback')\nexport class FeedbackController {\n  // backend-guide-public: anonymous feedback form\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n"),
    nest('login route is public', "@Controller('auth')\nexport class AuthController {\n  @Post('login')\n  login(@Body() dto: unknown) {}\n}\n"),
    { name: 'Nest controller without project facts: global guards are unknown', fileName: 'users.controller.ts', languageId: 'typescript', code: `${NEST_HEAD}@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n` },
  ],
  invalid: [
    { ...nest('a route forRoutes() leaves out stays unguarded', "@Controller('orders')\nexport class OrdersController {\n  @Post()\n  create(@Body() dto: unknown) {}\n  @Put(':id')\n  update(@Param('id') id: string) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/orders/orders.module.ts': NEST_MODULE_AUTH } }), errors: [{ messageId: 'missingAuth', messageIncludes: ['PUT /orders/:id'] }] },
    { ...nest('a project guard that never refuses is no auth guard', "@Controller('mocks')\n@UseGuards(LoggingGuard)\nexport class MocksController {\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/mock-server/logging.guard.ts': "import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';\n@Injectable()\nexport class LoggingGuard implements CanActivate {\n  canActivate(context: ExecutionContext) {\n    console.log(context.getClass().name);\n    return true;\n  }\n}\n" } }), errors: [{ messageId: 'missingAuth' }] },
    { ...nest('a CSRF guard refuses with 403 but says nothing about who the caller is', "@Controller('notes')\nexport class NotesController {\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n", { files: { ...NEST_MAIN, '/p/src/app.module.ts': "import { APP_GUARD } from '@nestjs/core';\nimport { CsrfGuard } from './csrf.guard';\n@Module({ providers: [{ provide: APP_GUARD, useClass: CsrfGuard }] })\nexport class AppModule {}\n", '/p/src/csrf.guard.ts': "export class CsrfGuard {\n  canActivate(context) {\n    if (!valid(context)) throw new ForbiddenException('bad csrf token');\n    return true;\n  }\n}\n" } }), errors: [{ messageId: 'missingAuth' }] },
    { ...nest('POST without a guard', "@Controller('orders')\nexport class OrdersController {\n  @Post()\n  create(@Body() dto: unknown) {}\n}\n"), errors: [{ messageId: 'missingAuth', line: 7, column: 3, messageIncludes: ['POST /orders'] }] },
    { ...nest('sensitive GET without a guard', "@Controller('users')\nexport class UsersController {\n  @Get(':id')\n  findOne(@Param('id') id: string) {}\n}\n"), errors: [{ messageId: 'missingAuthSensitive', messageIncludes: ['GET /users/:id'] }] },
    { ...nest('a throttler guard is not an auth guard', "@Controller('orders')\n@UseGuards(ThrottlerGuard)\nexport class OrdersController {\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n"), errors: [{ messageId: 'missingAuth' }] },
    {
      ...nest('fix adds @UseGuards with the guard the project uses', "@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create(@Body() dto: unknown) {}\n\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n"),
      errors: [{ messageId: 'missingAuth', line: 11, messageIncludes: ['@UseGuards(JwtAuthGuard)'] }],
      output: `${NEST_HEAD}@Controller('users')\nexport class UsersController {\n  @UseGuards(JwtAuthGuard)\n  @Post()\n  create(@Body() dto: unknown) {}\n\n  @UseGuards(JwtAuthGuard)\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n`,
    },
  ],
};

runRuleTests(missingAuth, {
  valid: [...express.valid, ...crossFile.valid, ...koa.valid, ...fastify.valid, ...nestCases.valid],
  invalid: [...express.invalid, ...crossFile.invalid, ...koa.invalid, ...fastify.invalid, ...nestCases.invalid],
});
