import * as assert from 'assert';
import { DEFAULT_AUTH_MIDDLEWARE, isAuthMiddlewareName, wordsOf } from '../../../src/engine/rules/auth/auth-names';
import { authOptions, matchesRoutePattern, parseRoutePattern } from '../../../src/engine/rules/auth/auth-options';
import { hasInHandlerCheck, hasSignatureCheck } from '../../../src/engine/rules/auth/handler-checks';
import { isAuthDecorator, isAuthGuardName } from '../../../src/engine/rules/auth/nest-guards';
import { routeNeed } from '../../../src/engine/rules/auth/route-policy';
import { publicPathReason, sensitivePathWord } from '../../../src/engine/rules/auth/route-tables';
import { defaultConfig } from '../../../src/engine/config';

const NO_OPTIONS = authOptions(defaultConfig());

describe('auth knowledge: middleware names', () => {
  it('splits identifiers into words', () => {
    assert.deepStrictEqual(wordsOf('ensureLoggedIn'), ['ensure', 'logged', 'in']);
    assert.deepStrictEqual(wordsOf('verifyJWTToken'), ['verify', 'jwt', 'token']);
    assert.deepStrictEqual(wordsOf('is_admin-user'), ['is', 'admin', 'user']);
  });

  it('recognises every default name', () => {
    for (const name of DEFAULT_AUTH_MIDDLEWARE) assert.ok(isAuthMiddlewareName(name), name);
  });

  it('recognises names of checks it has not been told about', () => {
    for (const name of ['passportConfig.isAuthenticated', 'authJwt.verifyToken', 'auth.required', 'sessionHandler.isLoggedInMiddleware', 'requireAdmin', 'adminOnly',
      'jwtCheck', 'fastify.authenticate', 'fastify.auth', 'verifyJWTAndLevel', 'checkSession', 'hasPermission', 'isOwner', 'keycloak.protect', 'AuthMiddleware.verify',
      'this.authenticate', 'Auth.authentication', 'ensureUser', 'validateApiKey', 'mustBeSignedIn']) {
      assert.ok(isAuthMiddlewareName(name), name);
    }
  });

  it('rejects names that are not checks', () => {
    for (const name of ['auth.optional', 'optionalAuth', 'isNotAuthenticated', 'authHandler.isNotAuthenticated', 'passport.initialize', 'passport.session', 'session',
      'authLimiter', 'authController.login', 'csrfProtection', 'validate', 'validateUser', 'upload.single', 'cors', 'helmet', 'bodyParser.json', 'rateLimit', 'skipAuth', 'guestOnly']) {
      assert.ok(!isAuthMiddlewareName(name), name);
    }
  });

  it('adds configured names', () => {
    assert.ok(!isAuthMiddlewareName('gatekeeper'));
    assert.ok(isAuthMiddlewareName('gatekeeper', ['gatekeeper']));
    assert.ok(isAuthMiddlewareName('security.gatekeeper', ['security.gatekeeper']));
  });
});

describe('auth knowledge: checks inside handlers', () => {
  it('accepts identity checks that end the request', () => {
    for (const code of [
      'if (!req.user) return res.status(401).end();',
      'if (!req.isAuthenticated()) { return res.redirect("/login"); }',
      'if (!req.session.userId) throw new Forbidden();',
      'if (!ctx.state.user) ctx.throw(401);',
      'if (req.user.role !== "admin") return res.sendStatus(403);',
      'const claims = jwt.verify(token, key);',
      'await request.jwtVerify();',
      'const header = req.headers.authorization; if (!header) return res.status(401).end();',
    ]) assert.ok(hasInHandlerCheck(code), code);
  });

  it('rejects code that only reads the user or only fails', () => {
    for (const code of ['res.json(req.user);', 'console.log(req.user && req.user.id);', 'if (!req.body.name) return res.status(400).end();', 'res.locals.user = req.user; next();']) {
      assert.ok(!hasInHandlerCheck(code), code);
    }
  });

  it('recognises webhook signature checks', () => {
    assert.ok(hasSignatureCheck("stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret)"));
    assert.ok(hasSignatureCheck("crypto.timingSafeEqual(expected, Buffer.from(req.get('x-hub-signature-256')))"));
    assert.ok(!hasSignatureCheck('markPaid(req.body.id)'));
  });
});

describe('auth knowledge: which routes need a check', () => {
  it('finds sensitive path words and parameters', () => {
    assert.strictEqual(sensitivePathWord('/api/users/:id'), 'users');
    assert.strictEqual(sensitivePathWord('/account-settings'), 'account-settings');
    assert.strictEqual(sensitivePathWord('/allocations/:userId'), ':userId');
    assert.strictEqual(sensitivePathWord('/products/:id'), undefined);
    assert.strictEqual(sensitivePathWord('/reports', ['reports']), 'reports');
  });

  it('knows public paths, never under admin', () => {
    assert.ok(publicPathReason('/api/v1/auth/login', ['post']));
    assert.ok(publicPathReason('/reset-password/:token', ['post']));
    assert.ok(publicPathReason('/health', ['get']));
    assert.ok(publicPathReason('/favicon.ico', ['get']));
    assert.strictEqual(publicPathReason('/health', ['post']), undefined);
    assert.strictEqual(publicPathReason('/orders/:id/status', ['patch']), undefined);
    assert.strictEqual(publicPathReason('/orders/status', ['get']), undefined, 'monitoring words only right after an API prefix');
    assert.strictEqual(publicPathReason('/admin/login', ['post']), undefined);
  });

  it('combines method, path, handler and configuration', () => {
    const need = (methods: string[], fullPath: string, extra: object = {}) => routeNeed({ methods, fullPath, ...extra }, NO_OPTIONS).kind;
    assert.strictEqual(need(['post'], '/orders'), 'state-changing');
    assert.strictEqual(need(['get'], '/orders'), 'sensitive');
    assert.strictEqual(need(['get'], '/products'), 'none');
    // Data keyed on the caller's own identity leaks nothing to a caller without one.
    assert.strictEqual(need(['get'], '/feed', { handlerCode: '(req, res) => res.json(req.user.feed)' }), 'none');
    assert.strictEqual(need(['get'], '/feed', { handlerCode: '(req, res) => User.find().then((all) => res.json(all))' }), 'sensitive');
    assert.strictEqual(need(['get'], '/feed', { handlerName: 'accountController.feed' }), 'sensitive');
    assert.strictEqual(need(['post'], '/webhooks/stripe'), 'webhook');
    assert.strictEqual(need(['post'], '/webhooks/stripe', { handlerCode: 'stripe.webhooks.constructEvent(b, s, k)' }), 'public');
    assert.strictEqual(need(['delete'], '/orders/:id', { publicReason: 'demo data only' }), 'public');
    const options = authOptions({ ...defaultConfig(), options: { auth: { publicRoutes: ['POST /contact'], sensitivePaths: ['/api/exports/**'] } } });
    assert.strictEqual(routeNeed({ methods: ['post'], fullPath: '/contact' }, options).kind, 'public');
    assert.strictEqual(routeNeed({ methods: ['put'], fullPath: '/contact' }, options).kind, 'state-changing');
    assert.strictEqual(routeNeed({ methods: ['get'], fullPath: '/api/exports/2024/csv' }, options).kind, 'sensitive');
  });

  it('parses route globs with optional methods', () => {
    const pattern = parseRoutePattern('GET,HEAD /api/*/public/**');
    assert.ok(pattern);
    assert.ok(matchesRoutePattern(pattern, ['get'], '/api/v1/public/a/b'));
    assert.ok(matchesRoutePattern(pattern, ['head'], '/api/v2/public'));
    assert.ok(!matchesRoutePattern(pattern, ['post'], '/api/v1/public/a'));
    assert.ok(!matchesRoutePattern(pattern, ['get'], '/api/public/a'));
    assert.strictEqual(parseRoutePattern('not a route'), undefined);
  });
});

describe('auth knowledge: NestJS guards', () => {
  it('tells auth guards from others', () => {
    for (const name of ['JwtAuthGuard', 'AuthGuard', 'RolesGuard', 'PoliciesGuard', 'ApiKeyGuard', 'SessionGuard']) assert.ok(isAuthGuardName(name), name);
    for (const name of ['ThrottlerGuard', 'CacheGuard', 'FeatureFlagGuard']) assert.ok(!isAuthGuardName(name), name);
    assert.ok(isAuthGuardName('FeatureFlagGuard', ['FeatureFlagGuard']));
  });

  it('reads guard decorators', () => {
    const span = { start: 0, end: 0 };
    assert.ok(isAuthDecorator({ name: 'UseGuards', argNames: ['AuthGuard'], span }));
    assert.ok(!isAuthDecorator({ name: 'UseGuards', argNames: ['ThrottlerGuard'], span }));
    assert.ok(isAuthDecorator({ name: 'Auth', argNames: [], span }));
    assert.ok(!isAuthDecorator({ name: 'ApiBearerAuth', argNames: [], span }), 'Swagger documentation is not a guard');
  });
});
