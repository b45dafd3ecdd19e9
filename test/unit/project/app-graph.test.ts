import * as assert from 'assert';
import { AppGraph } from '../../../src/engine/project/app-graph';
import { joinPath, scopeMatches } from '../../../src/engine/project/route-walker';
import { projectFrom } from '../../../src/testing/project-from';

async function graphOf(files: Record<string, string>): Promise<AppGraph> {
  return new AppGraph(await projectFrom(files));
}

describe('AppGraph', () => {
  it('follows an app through exports, imports and functions it is passed to, in execution order', async () => {
    const graph = await graphOf({
      '/p/app.js': "const express = require('express');\nconst security = require('./security');\nconst app = express();\nsecurity.apply(app);\napp.get('/', home);\nmodule.exports = app;\n",
      '/p/security.js': "exports.apply = function (app) {\n  app.use(helmet());\n  app.use(cors());\n};\n",
      '/p/server.js': "const app = require('./app');\napp.listen(3000);\n",
    });
    const [app] = graph.apps();
    assert.deepStrictEqual(app.trace.map((e) => `${e.file.slice(3)}:${e.event.calleeName}`), ['security.js:app.use', 'security.js:app.use', 'app.js:app.get', 'server.js:app.listen']);
    assert.strictEqual(app.served, true);
    assert.strictEqual(app.exported, true);
  });

  it('follows factories, ESM default exports and re-exports', async () => {
    const graph = await graphOf({
      '/p/src/create.ts': "import express from 'express';\nexport function createApp() {\n  const app = express();\n  return app;\n}\n",
      '/p/src/index.ts': "export * from './create';\n",
      '/p/src/main.ts': "import { createApp } from './index';\nconst app = createApp();\napp.use(helmet());\napp.listen(1);\n",
    });
    const [app] = graph.apps();
    assert.deepStrictEqual(app.trace.map((e) => e.event.method), ['use', 'listen']);
  });

  it('builds route instances through router mounts with prefixes and the middleware before them', async () => {
    const graph = await graphOf({
      '/p/app.js': "const express = require('express');\nconst app = express();\napp.use(logger);\napp.use('/api', auth, require('./api'));\napp.use(late);\napp.listen(1);\n",
      '/p/api.js': "const router = require('express').Router();\nrouter.use('/users', require('./users'));\nmodule.exports = router;\n",
      '/p/users.js': "const router = require('express').Router();\nrouter.use(audit);\nrouter.route('/:id').delete(check, remove);\nmodule.exports = router;\n",
    });
    const [route] = graph.routeInstances();
    assert.strictEqual(route.fullPath, '/api/users/:id');
    assert.deepStrictEqual(route.methods, ['delete']);
    assert.deepStrictEqual(route.applied.map((u) => `${u.level}:${u.arg.kind === 'ref' ? u.arg.name : u.arg.kind}`), ['app:logger', 'mount:auth', 'router:audit', 'route:check']);
    assert.deepStrictEqual(route.later.map((u) => (u.arg.kind === 'ref' ? u.arg.name : '')), ['late']);
    assert.strictEqual(route.detached, false);
  });

  it('walks Koa router prefixes and Fastify plugins registered with a prefix', async () => {
    const koa = await graphOf({ '/p/app.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst r = new Router({ prefix: '/api' });\nr.get('/users', list);\napp.use(r.routes());\napp.listen(1);\n" });
    assert.deepStrictEqual(koa.routeInstances().map((r) => `${r.framework} ${r.fullPath}`), ['koa /api/users']);
    const fastify = await graphOf({
      '/p/server.js': "const app = require('fastify')();\napp.register(require('./routes'), { prefix: '/v1' });\napp.listen({ port: 1 });\n",
      '/p/routes.js': "module.exports = async function (f) {\n  f.addHook('onRequest', f.authenticate);\n  f.post('/items', { preHandler: [validate] }, create);\n};\n",
    });
    const [item] = fastify.routeInstances();
    assert.strictEqual(item.fullPath, '/v1/items');
    assert.deepStrictEqual(item.applied.map((u) => u.level), ['hook', 'route']);
  });

  it('judges routes no app mounts as detached', async () => {
    const graph = await graphOf({ '/p/users.js': "const router = require('express').Router();\nrouter.post('/', create);\nmodule.exports = router;\n" });
    assert.deepStrictEqual(graph.routeInstances().map((r) => [r.fullPath, r.detached]), [['/', true]]);
  });

  it('joins paths and matches middleware scopes segment by segment', () => {
    assert.strictEqual(joinPath('/api/', '/users/'), '/api/users');
    assert.strictEqual(joinPath('', ''), '/');
    assert.ok(scopeMatches('/api', '/api/users'));
    assert.ok(scopeMatches('/', '/anything'));
    assert.ok(scopeMatches('/users/:id', '/users/:userId/orders'));
    assert.ok(!scopeMatches('/api', '/apiary'));
    assert.ok(!scopeMatches('/admin', '/api/admin'));
  });
});
