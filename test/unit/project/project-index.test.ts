import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { ProjectIndex } from '../../../src/engine/project/project-index';
import type { FileFacts } from '../../../src/engine/project/facts';
import { isTestFileName } from '../../../src/engine/project/frameworks';
import { projectFrom } from '../../../src/testing/project-from';

async function factsOf(fileName: string, text: string): Promise<FileFacts> {
  const project = await projectFrom({ [fileName]: text });
  const facts = project.files.get(fileName);
  assert.ok(facts, `${fileName} was indexed`);
  return facts;
}

describe('ProjectIndex', () => {
  it('keeps no file text alive through the names its facts hold', () => {
    // In a process of its own, to measure its heap: 10 files of about 200 KB (an app with long names, then
    // comments), indexed, then their texts dropped. Their facts hold names of 13 characters or more, each of
    // which, cut from the text as it is, would keep the whole text.
    const code = `
      const { ProjectIndex } = require(${JSON.stringify(require.resolve('../../../src/engine/project/project-index'))});
      const v8 = require('v8');
      v8.setFlagsFromString('--expose-gc');
      const gc = require('vm').runInNewContext('gc');
      (async () => {
        const index = new ProjectIndex('/p');
        await index.setFile('/p/warm.js', "module.exports = 1;\\n");
        gc();
        const before = process.memoryUsage().heapUsed;
        for (let i = 0; i < 10; i += 1) {
          const app = "const expressFramework = require('express');\\nconst applicationServer = expressFramework();\\n"
            + "applicationServer.get('/administration/users', (request, response) => response.json([]));\\n";
          await index.setFile('/p/app' + i + '.js', app + '// padding of the file\\n'.repeat(8000 + i));
        }
        gc();
        const names = [...index.facts().files.values()].flatMap((f) => f.imports.map((imp) => imp.text));
        process.stdout.write(JSON.stringify({ names: names.length, heapGrowthMb: (process.memoryUsage().heapUsed - before) / 1e6 }));
      })();
    `;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })) as { names: number; heapGrowthMb: number };
    assert.strictEqual(result.names, 10, 'each file\'s facts hold its import');
    assert.ok(result.heapGrowthMb < 1.5, `the heap grew by ${result.heapGrowthMb.toFixed(2)} MB for the facts of 10 files of 200 KB`);
  });

  it('indexes JavaScript, TypeScript and Python files and ignores the others', async () => {
    const index = new ProjectIndex('/p');
    await index.setFile('/p/app.js', "const express = require('express');\n");
    await index.setFile('/p/server.ts', "import express from 'express';\n");
    await index.setFile('/p/types.d.ts', 'export type A = string;\n');
    await index.setFile('/p/script.py', 'print(1)\n');
    await index.setFile('/p/data.json', '{}');
    assert.deepStrictEqual([...index.facts().files.keys()].sort(), ['/p/app.js', '/p/script.py', '/p/server.ts']);
    assert.strictEqual(index.facts().rootDir, '/p');
  });

  it('hands out the same snapshot until something changes', async () => {
    const index = new ProjectIndex('/p');
    await index.setFile('/p/a.js', 'module.exports = require("./b");\n');
    const first = index.facts();
    assert.strictEqual(index.facts(), first);
    await index.setFile('/p/b.js', 'exports.x = 1;\n');
    const second = index.facts();
    assert.notStrictEqual(second, first);
    assert.strictEqual(first.files.has('/p/b.js'), false, 'an old snapshot does not change');
    index.removeFile('/p/b.js');
    assert.notStrictEqual(index.facts(), second);
    assert.strictEqual(index.facts().files.has('/p/b.js'), false);
    const third = index.facts();
    index.setPackageJson('/p/package.json', '{}');
    assert.notStrictEqual(index.facts(), third);
  });

  it('computes a memoised value once per snapshot', async () => {
    const index = new ProjectIndex('/p');
    await index.setFile('/p/a.js', 'module.exports = 1;\n');
    let calls = 0;
    const facts = index.facts();
    assert.strictEqual(facts.memo('k', () => ++calls), 1);
    assert.strictEqual(facts.memo('k', () => ++calls), 1);
    await index.setFile('/p/a.js', 'module.exports = 2;\n');
    assert.strictEqual(index.facts().memo('k', () => ++calls), 2);
  });

  it('keeps the newest text when updates of one file overlap', async () => {
    const index = new ProjectIndex('/p');
    const older = index.setFile('/p/app.js', "const express = require('express');\nconst a = express();\n");
    const newer = index.setFile('/p/app.js', "const express = require('express');\nconst a = express();\nconst b = express();\n");
    await Promise.all([older, newer]);
    assert.strictEqual(index.facts().files.get('/p/app.js')?.objects.length, 2);
    const removed = index.setFile('/p/gone.js', "require('express')();\n");
    index.removeFile('/p/gone.js');
    await removed;
    assert.strictEqual(index.facts().files.has('/p/gone.js'), false, 'a removal wins over an update still in flight');
  });

  it('resolves relative imports with extensions, index files, TypeScript .js specifiers and @/ aliases', async () => {
    const project = await projectFrom({
      '/p/src/app.ts': 'export default 1;\n',
      '/p/src/routes/index.ts': 'export default 1;\n',
      '/p/src/lib/util.mjs': 'export default 1;\n',
    }, { rootDir: '/p' });
    assert.strictEqual(project.resolveImport('/p/src/server.ts', './app'), '/p/src/app.ts');
    assert.strictEqual(project.resolveImport('/p/src/server.ts', './app.js'), '/p/src/app.ts');
    assert.strictEqual(project.resolveImport('/p/src/server.ts', './routes'), '/p/src/routes/index.ts');
    assert.strictEqual(project.resolveImport('/p/src/routes/index.ts', '../lib/util'), '/p/src/lib/util.mjs');
    assert.strictEqual(project.resolveImport('/p/test/x.ts', '@/app'), '/p/src/app.ts');
    assert.strictEqual(project.resolveImport('/p/src/server.ts', 'express'), undefined);
    assert.strictEqual(project.resolveImport('/p/src/server.ts', './missing'), undefined);
  });

  it('finds the nearest package.json and reads its dependencies', async () => {
    const project = await projectFrom({
      '/repo/package.json': JSON.stringify({ devDependencies: { typescript: '5' } }),
      '/repo/api/package.json': JSON.stringify({ dependencies: { express: '4' }, peerDependencies: { helmet: '7' } }),
      '/repo/web/broken/package.json': '{ not json',
      '/repo/api/src/app.js': '',
    });
    assert.deepStrictEqual([...project.packageFor('/repo/api/src/app.js')?.dependencies ?? []].sort(), ['express', 'helmet']);
    assert.strictEqual(project.packageFor('/repo/tools/x.js')?.fileName, '/repo/package.json');
    assert.strictEqual(project.packageFor('/repo/web/broken/x.js')?.readable, false);
    assert.strictEqual(project.packageFor('/elsewhere/x.js'), undefined);
  });

  it('skips files that cannot hold app facts without parsing them, and never throws on broken text', async () => {
    assert.strictEqual((await factsOf('/p/math.js', 'function add(a, b) { return a + b; }\nconsole.log(add(1, 2));\n')).skipped, true);
    // a module other files may import from or call into is read for its call sites
    assert.strictEqual((await factsOf('/p/math.js', 'export function add(a, b) { return a + b; }\n')).skipped, false);
    assert.strictEqual((await factsOf('/p/app.js', "const express = require('express');\n")).skipped, false);
    const broken = await factsOf('/p/broken.js', "const express = require('express'\napp.use(((\n");
    assert.strictEqual(broken.skipped, false);
  });

  it('marks test files, reading folder names only below the project root', () => {
    for (const name of ['/p/test/app.js', '/p/src/__tests__/a.ts', '/p/src/app.spec.ts', '/p/src/app.test.js', '/p/e2e/x.ts', '/p/src/routes.e2e-spec.ts']) assert.ok(isTestFileName(name, '/p'), name);
    for (const name of ['/p/src/app.js', '/p/src/testing-utils.js', '/p/src/contest.js']) assert.ok(!isTestFileName(name, '/p'), name);
    assert.ok(!isTestFileName('/home/dev/tests/shop/src/app.js', '/home/dev/tests/shop'), 'a project inside a tests/ folder is not all tests');
    assert.ok(!isTestFileName('/home/dev/tests/shop/src/app.js'), 'without a root, folder names of absolute paths do not count');
    assert.ok(isTestFileName('/home/dev/shop/src/__tests__/app.js'));
    assert.ok(isTestFileName('test/routes.js'), 'relative paths are relative to the project');
  });
});

describe('per-file facts', () => {
  it('reads CommonJS and ESM exports, re-exports and object literals', async () => {
    const cjs = await factsOf('/p/a.js', "const app = require('express')();\nconst router = require('express').Router();\nmodule.exports = { app, router };\nexports.extra = 1;\n");
    assert.deepStrictEqual(Object.keys(cjs.exports).sort(), ['=', 'extra']);
    assert.strictEqual(cjs.exports['='].root.kind, 'literal');
    const esm = await factsOf('/p/b.ts', "import express from 'express';\nexport const app = express();\nexport default app;\nexport { helper as util } from './helper';\nexport * from './more';\nexport * as ns from './ns';\n");
    assert.deepStrictEqual(Object.keys(esm.exports).sort(), ['app', 'default', 'ns', 'util']);
    assert.deepStrictEqual(esm.reexportAll, ['./more']);
  });

  it('finds apps and routers however express, Koa and Fastify are imported', async () => {
    const facts = await factsOf('/p/app.ts', [
      "import web, { Router as R } from 'express';",
      "import * as ns from 'express';",
      "const Koa = require('koa');",
      "const KoaRouter = require('@koa/router');",
      "const fastify = require('fastify');",
      'const app = web();',
      'const r1 = R();',
      'const r2 = ns.Router();',
      'const k = new Koa();',
      "const kr = new KoaRouter({ prefix: '/api' });",
      'const f = fastify({ logger: true });',
      "const inline = require('express')();",
    ].join('\n'));
    assert.deepStrictEqual(facts.objects.map((o) => `${o.kind}:${o.boundTo}`), [
      'express-app:app', 'express-router:r1', 'express-router:r2', 'koa-app:k', 'koa-router:kr', 'fastify-app:f', 'express-app:inline',
    ]);
    assert.strictEqual(facts.objects.find((o) => o.kind === 'koa-router')?.prefix, '/api');
  });

  it('records registrations in order with their paths, including route() chains and template paths', async () => {
    const facts = await factsOf('/p/app.js', [
      "const express = require('express');",
      'const app = express();',
      "const base = '/v1';",
      "app.use('/api', auth, router);",
      "app.route('/items').get(list).post(create);",
      'app.get(`${base}/users`, users);',
      "app.get('port');",
      "config.get('x', 1);",
      "app.disable('x-powered-by');",
      'app.listen(3000);',
    ].join('\n'));
    assert.deepStrictEqual(facts.events.map((e) => `${e.method} ${e.path ?? ''}`.trim()), ['use /api', 'get /items', 'post /items', 'get /v1/users', 'disable x-powered-by', 'listen']);
    assert.deepStrictEqual(facts.events[0].args.map((a) => a.kind === 'ref' ? a.name : a.kind), ['auth', 'router']);
    assert.strictEqual(facts.events[0].reportAt[0], 3);
  });

  it('records plain calls that pass an app on, and functions that receive one', async () => {
    const facts = await factsOf('/p/server.js', "const express = require('express');\nconst app = express();\nrequire('./routes')(app, db);\nconfigureSecurity(app);\nhttp.createServer(app);\nconsole.log(total);\n");
    assert.deepStrictEqual(facts.events.filter((e) => e.method === '').map((e) => e.calleeName), ["require('./routes')", 'configureSecurity', 'http.createServer']);
    const routes = await factsOf('/p/routes.js', "module.exports = function (app, db) {\n  app.post('/x', (req, res) => res.send(db));\n};\n");
    assert.deepStrictEqual(routes.functions[0].params, ['app', 'db']);
    assert.deepStrictEqual(routes.events[0].target?.root, { kind: 'param', fn: 0, index: 0 });
    assert.ok(routes.functions.some((f) => f.bodyText?.includes('res.send')), 'handler bodies are kept');
  });

  it('records plain calls that pass an app stored under any name, with this. and spaces, and not a longer name that starts with one', async () => {
    const facts = await factsOf('/p/server.js', [
      "const express = require('express');",
      'const $main = express();',
      'class Server {',
      '  start() {',
      '    this.app = express();',
      '    secure(this . app);',
      '    mount( $main , routes);',
      '    track(apps, applications, appx);',
      '    http.createServer(application);',
      '  }',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(facts.events.filter((e) => e.method === '').map((e) => e.calleeName), ['secure', 'mount']);
  });

  it('reads NestJS controllers, routes, guards and global guards', async () => {
    const facts = await factsOf('/p/users.controller.ts', [
      "import { Controller, Get, Post, UseGuards } from '@nestjs/common';",
      "@Controller('users')",
      "@UseGuards(AuthGuard('jwt'))",
      'export class UsersController {',
      "  @Get(':id')",
      '  findOne() {}',
      '  // backend-guide-public: demo',
      '  @Post()',
      '  @UseGuards(RolesGuard)',
      '  create() {}',
      '}',
      'app.useGlobalGuards(new JwtAuthGuard());',
      'const providers = [{ provide: APP_GUARD, useClass: ThrottlerGuard }];',
    ].join('\n'));
    const [controller] = facts.nestControllers;
    assert.strictEqual(controller.path, 'users');
    assert.deepStrictEqual(controller.decorators.map((d) => `${d.name}(${d.argNames.join(',')})`), ['Controller()', 'UseGuards(AuthGuard)']);
    assert.deepStrictEqual(controller.routes.map((r) => `${r.method} ${r.path} ${r.methodName}`), ['get :id findOne', 'post  create']);
    assert.strictEqual(controller.routes[1].publicReason, 'demo');
    assert.deepStrictEqual(facts.globalGuards, ['JwtAuthGuard', 'ThrottlerGuard']);
  });

  it('reads the public-route marker above a route or at the end of its line', async () => {
    const facts = await factsOf('/p/app.js', "const app = require('express')();\n// backend-guide-public: open form\napp.post('/a', a);\napp.post('/b', b); // backend-guide-public: webhook verified upstream\n// backend-guide-public:\napp.post('/c', c);\n");
    assert.deepStrictEqual(facts.events.map((e) => e.publicReason), ['open form', 'webhook verified upstream', undefined]);
  });
});
