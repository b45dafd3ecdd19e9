import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/**
 * What code does decides, where names and methods mislead: middleware judged by its body, handlers that
 * change nothing durable, first-run setup, directory listings, unmounted routers, generic registration
 * helpers, object-level checks by consistency, and apps whose routes only read.
 */

const HEAD = "const express = require('express');\nconst { requireAuth } = require('./auth');\nconst app = express();\n";
/** A checked route, so that the app has an authentication concept. */
const CHECKED = "app.get('/me', requireAuth, me);\n";

function app(lines: string, head = ''): string {
  return `${HEAD}${head}${CHECKED}${lines}\napp.listen(3000);\n`;
}

/** The same app as a project, so that project-wide verdicts (notes, mounts, imports) apply. */
function project(name: string, code: string, files: Record<string, string> = {}, fileName = '/p/app.js'): ValidCase {
  return { name, fileName, code, files: { '/p/auth.js': "exports.requireAuth = (req, res, next) => (req.user ? next() : res.sendStatus(401));\n", ...files } };
}

const valid: ValidCase[] = [
  // middleware judged by its body
  { name: 'a middleware that verifies a token and records the caller still authenticates', code: app("app.use((req, res, next) => {\n  const token = req.cookies.token;\n  if (token) jwt.verify(token, key, (err, decoded) => { if (!err) users.put(token, decoded); });\n  next();\n});\napp.post('/orders', createOrder);", "const jwt = require('jsonwebtoken');\n") },
  { name: 'a handler that looks up the token cookie and hands on an error when it is unknown', code: app("app.post('/profile/image', (req, res, next) => {\n  const user = authenticatedUsers.get(req.cookies.token);\n  if (!user) { next(new Error('Blocked illegal activity')); return; }\n  save(user, req.file);\n  res.redirect('/profile');\n});") },
  { name: 'an admin route behind a middleware that identifies but never refuses is left to its handler', code: app("function identify(req, res, next) {\n  req.user = jwt.verify(req.get('authorization'), key);\n  next();\n}\napp.use(identify);\napp.get('/rest/admin/application-version', version);", "const jwt = require('jsonwebtoken');\n") },
  { name: 'a handler rendering the admin side behind a role check', code: app("function BenefitsHandler(db) {\n  this.displayBenefits = (req, res) => res.render('benefits', { users: db.all(), isAdmin: true });\n}\nconst benefits = new BenefitsHandler(db);\napp.get('/benefits', requireAuth, requireRole('admin'), benefits.displayBenefits);", "const { requireRole } = require('./roles');\n") },
  { name: "a constructor function's handler is resolved through new (its check counts)", code: app("function NotesHandler(db) {\n  this.remove = (req, res) => {\n    if (!req.session.userId) return res.redirect('/login');\n    db.notes.remove(req.params.id);\n    res.sendStatus(204);\n  };\n}\nconst notes = new NotesHandler(db);\napp.delete('/notes/:id', notes.remove);") },
  // handlers that change nothing durable
  { name: 'a form callback that only validates and redirects (Koa)', code: "const Router = require('koa-router');\nconst router = new Router();\nrouter.get('/me', requireAuth, me);\nrouter.post('/account/callback/social/:connectorId', async (ctx) => {\n  const parsed = z.record(z.string()).safeParse(ctx.request.body);\n  assertThat(parsed.success, new RequestError('invalid'));\n  ctx.status = 303;\n  ctx.set('Location', ctx.request.path + '?' + new URLSearchParams(parsed.data).toString());\n});\nmodule.exports = router;\n" },
  { name: 'a handler that only hands on an error (a method the route does not answer)', code: app("app.post('/xrpc/app.getProfile', (req, res, next) => {\n  next(new InvalidRequestError(`Incorrect HTTP method (${req.method}) expected GET`));\n});") },
  { name: "a handler that only clears the caller's own session", code: app("app.delete('/auth/pending-user', (req, res) => {\n  req.session.pendingUser = null;\n  req.session.oidc = { idToken: null };\n  res.sendStatus(204);\n});") },
  { name: 'an availability check answers yes or no and writes nothing', code: app("app.post('/api/user/check', async (req, res) => {\n  const user = await prisma.user.findFirst({ where: { username: req.body.username } });\n  if (user) return res.status(400).json({ error: 'taken' });\n  return res.json({ available: true });\n});") },
  { name: 'first-run setup that refuses once a user exists', code: app("app.post('/api/auth/create-admin', async (req, res) => {\n  const isThereAUser = await query.user.findAny();\n  if (isThereAUser) {\n    throw new CustomError('a user already exists', 400);\n  }\n  const user = await query.user.add({ email: req.body.email, role: 'ADMIN' });\n  res.status(201).send({ token: sign(user) });\n});") },
  { name: 'a wrapped handler is judged by the code it wraps (first-run setup behind asyncHandler)', code: app("async function createAdminUser(req, res) {\n  const isThereAUser = await query.user.findAny();\n  if (isThereAUser) throw new CustomError('a user already exists', 400);\n  res.status(201).send({ token: sign(await query.user.add(req.body)) });\n}\nconst asyncHandler = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\napp.post('/api/setup/create-admin', asyncHandler(createAdminUser));") },
  { name: 'an endpoint rate-limited per network address is built for anonymous callers', code: app("app.get('/api/updates', async (req, res) => {\n  const ip = req.headers['x-forwarded-for'];\n  const { success } = await ratelimit.limit(`updates:${ip}`);\n  if (!success) return res.status(429).end();\n  await prisma.instance.upsert({ where: { id: req.query.id }, create: { id: req.query.id }, update: {} });\n  res.json(await latestRelease());\n});") },
  { name: 'a handler that answers 404 unless mock mode is on', code: app("app.post('/api/private/media', (req, res) => {\n  if (!isMockMode) {\n    return res.status(404).send('Mock API is disabled');\n  }\n  res.status(201).json(SAMPLE_UPLOAD);\n});") },
  // public by design, by path
  { name: 'a link carrying its own secret (:sessionId)', code: app("app.delete('/embed/:embedId/:sessionId', [validEmbedConfig], async (req, res) => {\n  await EmbedChats.markHistoryInvalid(res.locals.embed.id, req.params.sessionId);\n  res.status(200).end();\n});") },
  { name: 'a public profile looked up by username', code: app("app.get('/users/profile/:username', async (req, res) => res.json(await users.publicProfile(req.params.username)));") },
  { name: 'signing in with a provider under the auth prefix', code: app("app.post('/api/v1/auth/plex', signInWithPlex);") },
  { name: 'a sign-up form handler written as one word', code: app("app.get('/registerform', (req, res) => {\n  db.user.create({ email: req.query.email, role: 'user' }).then((u) => res.redirect('/profile?id=' + u.id));\n});") },
  { name: 'sign-up at the collection root, whatever its case', code: app("app.post('/api/Users', signUp);") },
  { name: 'a directory listing under /.well-known is published for anyone', code: app("app.use('/.well-known', serveIndex('.well-known'));", "const serveIndex = require('serve-index');\n") },
  { name: 'a directory listing behind the auth middleware', code: app("app.use('/ftp', requireAuth, serveIndex('ftp', { icons: true }));", "const serveIndex = require('serve-index');\n") },
  // project-level verdicts
  project('a router no file imports, while its sibling routers are imported and mounted', "const express = require('express');\nconst router = express.Router();\nrouter.delete('/', removeFile);\nmodule.exports = router;\n", {
    '/p/routes/index.js': "const express = require('express');\nconst { requireAuth } = require('../auth');\nconst feedback = require('./feedback');\nconst router = express.Router();\nrouter.use('/feedback', requireAuth, feedback);\nmodule.exports = router;\n",
    '/p/routes/feedback/index.js': "const express = require('express');\nconst router = express.Router();\nrouter.post('/', addFeedback);\nmodule.exports = router;\n",
    '/p/app.js': "const express = require('express');\nconst app = express();\napp.use('/api', require('./routes'));\napp.listen(3000);\n",
  }, '/p/routes/files/index.js'),
  project('a registration helper whose path and handler come from its callers', "const express = require('express');\nconst { requireAuth } = require('./auth');\nconst app = express();\nconst router = express.Router();\napp.get('/me', requireAuth, me);\nfunction addRoute(nsid, config) {\n  const path = `/xrpc/${nsid}`;\n  const handler = createHandler(nsid, config);\n  router.post(path, handler);\n}\napp.use(router);\napp.listen(3000);\nmodule.exports = { addRoute };\n"),
  project('an app without accounts whose routes only read gets no note', "const express = require('express');\nconst app = express();\napp.get('/growth/new-users', async (req, res) => res.json(await db.users.count()));\napp.listen(3000);\n"),
  project('a test double in a folder named as a mock', "const express = require('express');\nconst app = express();\napp.post('/backend-api/responses', (req, res) => res.json(reply(req.body)));\napp.listen(3000);\n", {}, '/p/packages/aigwmock/src/index.js'),
  project('routes with a user in the path that all compare it with the caller', "const express = require('express');\nconst { requireAuth } = require('./auth');\nconst app = express();\nconst router = express.Router();\nrouter.get('/:userId/tokens', async (req, res) => {\n  if (Number(req.params.userId) !== req.user.id) return res.sendStatus(403);\n  res.json(await Tokens.find({ userId: req.params.userId }));\n});\napp.use('/user', requireAuth, router);\napp.listen(3000);\n"),
  project('a route marked public beside siblings that compare the user in the path with the caller: open on purpose', "const express = require('express');\nconst { requireAuth } = require('./auth');\nconst app = express();\nconst router = express.Router();\nrouter.get('/:userId/tokens', async (req, res) => {\n  if (Number(req.params.userId) !== req.user.id) return res.sendStatus(403);\n  res.json(await Tokens.find({ userId: req.params.userId }));\n});\n// backend-guide-public: any signed-in user may see another's public avatar\nrouter.get('/:userId/avatar', async (req, res) => res.send(await Avatars.of(req.params.userId)));\napp.use('/user', requireAuth, router);\napp.listen(3000);\n"),
  { name: 'an admin route behind a sign-in check, marked public: open on purpose', code: app("// backend-guide-public: every signed-in user may read the admin notice\napp.get('/admin/notice', requireAuth, (req, res) => res.json(notice.read()));") },
];

const invalid: InvalidCase[] = [
  { name: 'a middleware named like a check that always passes the request on checks nothing', code: app("function jwtChallenges(req, res, next) {\n  recordSolvedChallenges(req);\n  next();\n}\napp.use(jwtChallenges);\napp.post('/orders', createOrder);"), errors: [{ messageId: 'missingAuth', messageIncludes: ['POST /orders'] }] },
  { name: 'a directory listing mounted with use is a route that reads every file under it', code: app("app.use('/ftp', serveIndex('ftp', { icons: true }));", "const serveIndex = require('serve-index');\n"), errors: [{ messageId: 'missingAuthSensitive', messageIncludes: ['GET /ftp', 'directory listing'] }] },
  { name: 'a wrapped handler that creates an admin with no first-run refusal', code: app("async function createAdminUser(req, res) {\n  res.status(201).send({ token: sign(await query.user.add(req.body)) });\n}\nconst asyncHandler = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\napp.post('/api/setup/create-admin', asyncHandler(createAdminUser));"), errors: [{ messageId: 'missingAuth' }] },
  { name: 'a handler rendering the admin side behind a sign-in check only (NodeGoat benefits)', code: app("function BenefitsHandler(db) {\n  this.displayBenefits = (req, res) => res.render('benefits', { users: db.all(), isAdmin: true });\n}\nconst benefits = new BenefitsHandler(db);\napp.get('/benefits', requireAuth, benefits.displayBenefits);"), errors: [{ messageId: 'adminWithoutRole', messageIncludes: ['GET /benefits'] }] },
  { name: 'CORS middleware is no check, whatever options it is given', code: app("function corsOptions() {\n  return (req, callback) => {\n    if (!req.user) return callback(new Error('Unauthorized origin'));\n    callback(null, { origin: true });\n  };\n}\napp.use(cors(corsOptions()));\napp.post('/orders', createOrder);", "const cors = require('cors');\n"), errors: [{ messageId: 'missingAuth', messageIncludes: ['POST /orders'] }] },
  { name: 'a POST named check that writes is no availability check', code: app("app.post('/api/user/check', async (req, res) => {\n  await prisma.user.update({ where: { id: req.body.id }, data: { checked: true } });\n  res.json({ ok: true });\n});"), errors: [{ messageId: 'missingAuth' }] },
  { name: 'creating an admin with no first-run refusal is open to anyone', code: app("app.post('/api/auth/create-admin', async (req, res) => {\n  const user = await query.user.add({ email: req.body.email, role: 'ADMIN' });\n  res.status(201).send({ token: sign(user) });\n});"), errors: [{ messageId: 'missingAuth' }] },
  { name: "a handler that changes the session and another user's record", code: app("app.delete('/auth/pending-user', async (req, res) => {\n  req.session.pendingUser = null;\n  await db.users.delete({ where: { id: req.query.id } });\n  res.sendStatus(204);\n});"), errors: [{ messageId: 'missingAuth' }] },
  { name: 'a session parameter beside a user parameter addresses that user', code: app("app.delete('/users/:userId/sessions/:sessionId', revokeSession);"), errors: [{ messageId: 'missingAuth' }] },
  { name: 'a profile looked up by id is a read of profile data', code: app("app.get('/profiles/:id', async (req, res) => res.json(await Profile.findById(req.params.id)));"), errors: [{ messageId: 'missingAuthSensitive' }] },
  { name: 'a route with TypeScript type arguments is a route', languageId: 'typescript', code: `${HEAD}${CHECKED}app.delete<{ id: string }>('/orders/:id', removeOrder);\napp.listen(3000);\n`, errors: [{ messageId: 'missingAuth', messageIncludes: ['DELETE /orders/:id'] }] },
  {
    ...project('a signed-in-only route acting on the user in its path, where a sibling compares it with the caller', "const express = require('express');\nconst { requireAuth } = require('./auth');\nconst app = express();\nconst router = express.Router();\nrouter.get('/:userId/tokens', async (req, res) => {\n  if (Number(req.params.userId) !== req.user.id) return res.sendStatus(403);\n  res.json(await Tokens.find({ userId: req.params.userId }));\n});\nrouter.delete('/:userId/tokens/:key', async (req, res) => {\n  await Tokens.remove({ userId: req.params.userId, key: req.params.key });\n  res.sendStatus(204);\n});\napp.use('/user', requireAuth, router);\napp.listen(3000);\n"),
    errors: [{ messageId: 'missingOwnership', line: 9, messageIncludes: ['DELETE /user/:userId/tokens/:key', ':userId', '1 of 2 routes with a user in the path in app.js'] }],
  },
  {
    ...project('a router no file imports, when its siblings are not imported either (a loader may mount them)', "const express = require('express');\nconst router = express.Router();\nrouter.delete('/', removeFile);\nmodule.exports = router;\n", {
      '/p/routes/feedback/index.js': "const express = require('express');\nconst { requireAuth } = require('../../auth');\nconst router = express.Router();\nrouter.post('/', requireAuth, addFeedback);\nmodule.exports = router;\n",
    }, '/p/routes/files/index.js'),
    errors: [{ messageId: 'missingAuth', messageIncludes: ['DELETE /'] }],
  },
  {
    ...project('an app without accounts whose routes change data gets the note', "const express = require('express');\nconst app = express();\napp.get('/stats', (req, res) => res.json(stats()));\napp.post('/memories', async (req, res) => res.json(await db.memories.create(req.body)));\napp.listen(3000);\n"),
    errors: [{ messageId: 'noAuthConcept', messageIncludes: ['POST /memories'] }],
  },
];

runRuleTests(missingAuth, { valid, invalid });
