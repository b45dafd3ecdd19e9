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

  it('points NestJS routes at the line of their route decorator', async () => {
    const project = await projectFrom({
      '/p/users.controller.ts': "import { Controller, Delete, Get, Param } from '@nestjs/common';\n\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n",
    });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map((r) => `${r.method} ${r.path} ${r.framework} line ${r.line}`), ['GET /users nest line 5', 'DELETE /users/:id nest line 8']);
    assert.strictEqual(rows[1].verdict, 'unprotected');
  });
});
