import type { ProjectFacts } from '../../../src/engine/project';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

// A module nothing can load runs none of its code, so a query it builds cannot carry input. With the project's
// facts complete and its launch configuration read (the CLI), a module that no project file imports, that no
// string of project code names (path, tail of a path, folder), that its package does not hand out and no
// package.json command, launch configuration file (Dockerfile, Procfile, serverless.yml) or framework convention
// (Next.js route files, `api/`) names, in a package that says how it starts, is such a module. The editor reads no
// launch configuration, so there a learner's file that nothing imports yet is still checked.

const e = [{ messageId: 'concatenated' }];
const FILE = '/p/server/utils/migrate.js';
const PACKAGE_JSON = '{ "name": "server", "main": "index.js", "scripts": { "start": "node index.js" } }';
const PACKAGE = { '/p/server/package.json': PACKAGE_JSON };
/** A package built from `src/` into `dist/`, started from its built output. */
const BUILT_PACKAGE_JSON = '{ "name": "server", "main": "src/index", "scripts": { "start": "node dist/index.js" } }';
const INDEX = "const express = require('express');\nconst app = express();\napp.listen(3000);\n";

const migrate = [
  'async function checkColumns(model, db) {',
  '  for (const name of model.columns()) {',
  "    await db.get(`SELECT COUNT(*) AS n FROM pragma_table_info('${model.table}') WHERE name='${name}'`);",
  '  }',
  '}',
  'module.exports = { checkColumns };',
  '',
].join('\n');

/** A case whose project is built with its launch configuration read (as the CLI does), in `before`. */
function withLaunchConfig<T extends ValidCase>(c: T & { files: Record<string, string> }): T {
  const { files, ...rest } = c;
  const built = rest as unknown as T;
  before(async () => {
    built.project = await projectFrom({ ...files, [c.fileName ?? FILE]: c.code }, { launchConfigsRead: true });
  });
  return built;
}

const deadHandler = withLaunchConfig<ValidCase>({
  name: 'request data in a handler the dead module defines: the handler is never registered, so it never runs',
  fileName: FILE,
  files: { ...PACKAGE, '/p/server/index.js': INDEX },
  code: "exports.list = (req, res, db) => db.all('SELECT * FROM rows WHERE id = ' + req.query.id);\n",
});

const editorCase: InvalidCase = { name: 'the editor (no launch configuration read): a new module nothing imports yet is checked', fileName: FILE, code: migrate, errors: e };

before(async () => {
  editorCase.project = (await projectFrom({ ...PACKAGE, '/p/server/index.js': INDEX, [FILE]: migrate })) satisfies ProjectFacts;
});

runRuleTests(sqlConcatenation, {
  valid: [
    withLaunchConfig<ValidCase>({ name: 'a module nothing imports or names, in a package that says how it starts', fileName: FILE, files: { ...PACKAGE, '/p/server/index.js': INDEX }, code: migrate }),
    deadHandler,
    {
      name: 'a Procfile naming only the entry leaves the other module dead',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/server/Procfile': 'web: node index.js\n' },
      code: migrate,
    },
    withLaunchConfig<ValidCase>({
      name: 'a package started from its built output, with nothing naming the module\'s: the module is dead',
      fileName: '/p/server/src/utils/migrate.ts',
      files: { '/p/server/package.json': BUILT_PACKAGE_JSON, '/p/server/src/index.ts': INDEX, '/p/server/Dockerfile': 'FROM node:22\nCMD ["node", "build/index.js"]\n' },
      code: migrate,
    }),
    withLaunchConfig<ValidCase>({
      name: 'a sentence with the folder name in it names no module, nor does a string of another package, nor a path to another index module',
      fileName: '/p/server/utils/database/index.js',
      files: {
        ...PACKAGE,
        '/p/server/index.js': `${INDEX}console.log('columns are added to the database at boot');\nconst hint = 'This key is required. See /server/routes/index.js:287';\n`,
        '/p/web/package.json': '{ "name": "web", "scripts": { "start": "vite" } }',
        '/p/web/src/form.js': "export const field = form.get('database');\n",
      },
      code: migrate,
    }),
  ],
  invalid: [
    editorCase,
    withLaunchConfig<InvalidCase>({
      name: 'a package.json script runs the module',
      fileName: FILE,
      files: { '/p/server/package.json': '{ "name": "server", "main": "index.js", "scripts": { "migrate": "node ./utils/migrate.js" } }', '/p/server/index.js': INDEX },
      code: migrate,
      errors: e,
    }),
    withLaunchConfig<InvalidCase>({
      name: 'a package.json script runs the built output of the module (`dist/x.js` for `src/x`)',
      fileName: '/p/server/src/utils/migrate.ts',
      files: { '/p/server/package.json': BUILT_PACKAGE_JSON.replace('"start"', '"migrate": "node dist/utils/migrate.js", "start"'), '/p/server/src/index.ts': INDEX },
      code: migrate,
      errors: e,
    }),
    {
      name: 'a Dockerfile CMD runs the built output of the module (`build/x.js` for `src/x`)',
      fileName: '/p/server/src/utils/migrate.js',
      files: { '/p/server/package.json': BUILT_PACKAGE_JSON, '/p/server/src/index.js': INDEX, '/p/server/Dockerfile': 'FROM node:22\nCMD ["node", "build/utils/migrate.js"]\n' },
      code: migrate,
      errors: e,
    },
    withLaunchConfig<InvalidCase>({
      name: 'a root script changes folder before running it',
      fileName: FILE,
      files: { ...PACKAGE, '/p/package.json': '{ "scripts": { "migrate": "cd server && node utils/migrate" } }', '/p/server/index.js': INDEX },
      code: migrate,
      errors: e,
    }),
    {
      name: 'serverless.yml names it as a handler (file.export)',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/server/serverless.yml': 'functions:\n  migrate:\n    handler: utils/migrate.checkColumns\n' },
      code: migrate,
      errors: e,
    },
    {
      name: 'a Dockerfile CMD runs it from the path it is copied to in the image',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/docker/Dockerfile': 'FROM node:22\nCOPY server /app/server\nCMD ["node", "/app/server/utils/migrate.js"]\n' },
      code: migrate,
      errors: e,
    },
    withLaunchConfig<InvalidCase>({
      name: 'a loader names it by a string joined to a folder (a job runner given a folder and job names)',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': `${INDEX}const runner = new Runner({ root: path.join(__dirname, 'utils'), jobs: ['migrate'] });\n` },
      code: migrate,
      errors: e,
    }),
    withLaunchConfig<InvalidCase>({
      name: 'code names where the module is deployed (an absolute path in an image)',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/tools/package.json': '{ "name": "tools", "main": "run.js" }', '/p/tools/run.js': "spawn('node', ['/opt/app/server/utils/migrate.js']);\n" },
      code: migrate,
      errors: e,
    }),
    withLaunchConfig<InvalidCase>({
      name: 'a file above its folder loads modules by a path it builds',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': `${INDEX}for (const name of process.env.TASKS.split(',')) require(path.join(__dirname, 'utils', name));\n` },
      code: migrate,
      errors: e,
    }),
    withLaunchConfig<InvalidCase>({
      name: 'a Next.js route file is loaded by the framework, whatever imports it',
      fileName: '/p/app/api/items/route.js',
      files: { '/p/package.json': '{ "name": "web", "scripts": { "start": "next start" } }' },
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function GET(request) {\n  const id = new URL(request.url).searchParams.get('id');\n  return pool.query(`SELECT * FROM items WHERE id = ${id}`);\n}\n",
      errors: [{ messageId: 'concatenated' }],
    }),
    withLaunchConfig<InvalidCase>({
      name: 'another package of the workspace imports it by package name and path',
      fileName: '/p/db/utils/migrate.js',
      files: {
        '/p/db/package.json': '{ "name": "@acme/db", "main": "index.js" }',
        '/p/db/index.js': 'module.exports = {};\n',
        '/p/api/package.json': PACKAGE_JSON,
        '/p/api/index.js': `${INDEX}const { checkColumns } = require('@acme/db/utils/migrate');\ncheckColumns(model, db);\n`,
      },
      code: migrate,
      errors: e,
    }),
    withLaunchConfig<InvalidCase>({
      name: "the module is its package's main",
      fileName: FILE,
      files: { '/p/server/package.json': '{ "name": "server", "main": "utils/migrate.js" }' },
      code: migrate,
      errors: e,
    }),
    withLaunchConfig<InvalidCase>({
      name: 'another file imports it and passes request data',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': `${INDEX}const { checkColumns } = require('./utils/migrate');\napp.get('/check', (req, res) => checkColumns(req.body, res.locals.db));\n` },
      code: migrate,
      errors: [{ messageId: 'fromCaller' }],
    }),
    withLaunchConfig<InvalidCase>({
      name: 'a package that says nothing of how it starts may be started any way',
      fileName: FILE,
      files: { '/p/server/package.json': '{ "name": "server", "private": true }', '/p/server/index.js': INDEX },
      code: migrate,
      errors: e,
    }),
  ],
});
