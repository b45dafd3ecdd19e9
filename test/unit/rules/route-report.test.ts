import * as assert from 'assert';
import { defaultConfig } from '../../../src/engine/config';
import { projectRoutes, type RouteRow } from '../../../src/engine/rules/auth/route-report';
import { projectFrom } from '../../../src/testing/project-from';

const brief = (r: RouteRow) => `${r.method} ${r.path} ${r.verdict} ${r.file.slice(3)}:${r.line} [${r.middleware.join(', ')}]`;

describe('projectRoutes (the Routes view and `backend-guide routes`)', () => {
  it('lists Express routes through a router mount with their middleware in order, verdict and registration line', async () => {
    const project = await projectFrom({
      '/p/app.js': "const express = require('express');\nconst app = express();\napp.use(express.json());\napp.use('/orders', require('./orders'));\napp.listen(3000);\n",
      '/p/orders.js': "const router = require('express').Router();\nconst { requireAuth } = require('./auth');\n\nrouter.get('/', requireAuth, list);\nrouter.delete('/:id', remove);\nmodule.exports = router;\n",
      '/p/auth.js': "exports.requireAuth = (req, res, next) => (req.user ? next() : res.status(401).end());\n",
    });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map(brief), [
      'GET /orders protected orders.js:4 [express.json(), requireAuth]',
      'DELETE /orders/:id unprotected orders.js:5 [express.json()]',
    ]);
    assert.match(rows[0].app, /^app \(app\.js\)$/);
  });

  it("evaluates an app-wide check's own list of public paths: listed routes are public, the others protected", async () => {
    const project = await projectFrom({
      '/p/constants.js': "exports.WHITELIST_URLS = ['/api/v1/feedback', '/api/v1/ping'];\n",
      '/p/app.js': "const express = require('express');\nconst { WHITELIST_URLS } = require('./constants');\nconst app = express();\nconst allowed = WHITELIST_URLS.filter((u) => !DENY.includes(u));\napp.use((req, res, next) => {\n  if (allowed.some((url) => req.path.startsWith(url))) return next();\n  if (!req.user) return res.status(401).end();\n  next();\n});\napp.get('/api/v1/feedback/:id', listFeedback);\napp.delete('/api/v1/flows/:id', removeFlow);\napp.listen(3000);\n",
    });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map((r) => `${r.method} ${r.path} ${r.verdict}`), ['GET /api/v1/feedback/:id public', 'DELETE /api/v1/flows/:id protected']);
    assert.match(rows[0].detail, /listed in allowed/);
  });

  it('points NestJS routes at the line of their route decorator', async () => {
    const project = await projectFrom({
      '/p/users.controller.ts': "import { Controller, Delete, Get, Param } from '@nestjs/common';\n\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n",
    });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map((r) => `${r.method} ${r.path} ${r.framework} line ${r.line}`), ['GET /users nest line 5', 'DELETE /users/:id nest line 8']);
    assert.strictEqual(rows[1].verdict, 'unprotected');
  });
});
