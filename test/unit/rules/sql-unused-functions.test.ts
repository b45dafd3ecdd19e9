import type { ProjectFacts } from '../../../src/engine/project';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';
import { runRuleTests, type InvalidCase } from '../../../src/testing/rule-tester';

// A function nothing can call never runs, so the query it builds cannot carry input. With the project's facts
// complete, an exported function that no other file names (the name nowhere else: no import, no `x.name`, no
// string), that its module exports under its own name only, whose module nobody re-exports whole and is not
// what its package hands out (`main`, `exports`, `bin`), that its own file never calls, and whose module another
// file imports (a module nothing imports is loaded from outside: file-based routing, a serverless handler), is such a function;
// so is a helper called only from it. As soon as a caller appears, or any file names it, it is checked again.

const e = [{ messageId: 'identifier' }];
const both = [{ messageId: 'concatenated' }, ...e];
const FILE = '/p/server/utils/migrate.js';
const PACKAGE = { '/p/server/package.json': '{ "name": "server", "main": "index.js" }' };
const INDEX = "const { boot } = require('./utils/migrate');\nboot();\n";

const migrate = (extra = ''): string => [
  'function columnCheck(table, column) {',
  "  return `SELECT COUNT(*) AS n FROM pragma_table_info('${table}') WHERE name='${column}'`;",
  '}',
  'async function checkColumns(model, db) {',
  '  for (const { name } of model.columns()) {',
  '    await db.get(columnCheck(model.table, name));',
  '  }',
  '}',
  'async function findRows(db, table) {',
  '  return db.all(`SELECT * FROM ${table}`);',
  '}',
  'async function boot() {}',
  extra,
  'module.exports = { checkColumns, findRows, boot };',
  '',
].join('\n');

const partialProject: InvalidCase = { name: 'the project was indexed only partly (the editor capped the files): every function stays callable', fileName: FILE, code: migrate(), errors: both };

before(async () => {
  const project = await projectFrom({ ...PACKAGE, '/p/server/index.js': INDEX, [FILE]: migrate() });
  partialProject.project = { ...project, partial: true } satisfies ProjectFacts;
});

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'exported functions no file names, in a module other files import for other functions',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX },
      code: migrate(),
    },
  ],
  invalid: [
    {
      name: 'a module no project file imports is loaded from outside (file-based routing, a serverless handler, a script): its exports stay callable',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': 'console.log(1);\n' },
      code: migrate(),
      errors: both,
    },
    {
      name: 'a Next.js route handler: nothing imports route.ts, the framework calls GET',
      fileName: '/p/app/api/items/route.js',
      files: { '/p/package.json': '{ "name": "web", "private": true }', '/p/app/page.js': 'export default function Page() { return null; }\n' },
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function GET(request) {\n  const id = new URL(request.url).searchParams.get('id');\n  return pool.query(`SELECT * FROM items WHERE id = ${id}`);\n}\n",
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: "a learner's new helper is checked again as soon as a route passes request data to it",
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/server/routes.js': "const { findRows } = require('./utils/migrate');\nexports.list = (req, res, db) => findRows(db, req.query.table);\n" },
      code: migrate(),
      errors: [{ messageId: 'fromCaller' }],
    },
    {
      name: 'another file names the function (on any object), so a caller may be out of sight',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/server/jobs.js': 'exports.run = (tasks, db, t) => tasks.findRows(db, t);\n' },
      code: migrate(),
      errors: e,
    },
    {
      name: 'the module is what the package hands out',
      fileName: FILE,
      files: { '/p/server/package.json': '{ "name": "server", "main": "utils/migrate.js" }' },
      code: migrate(),
      errors: both,
    },
    {
      name: 'a package without main hands out its index.js',
      fileName: '/p/server/index.js',
      files: { '/p/server/package.json': '{ "name": "server" }', '/p/server/boot.js': "const { boot } = require('./index');\nboot();\n" },
      code: migrate(),
      errors: both,
    },
    {
      name: 'the package hands out built output that is no project file: any module may be it',
      fileName: FILE,
      files: { '/p/server/package.json': '{ "name": "server", "main": "dist/index.js" }', '/p/server/index.js': INDEX },
      code: migrate(),
      errors: both,
    },
    {
      name: 'another module re-exports the whole module, handing its names on unnamed',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX, '/p/server/utils/all.js': "module.exports = require('./migrate');\n" },
      code: migrate(),
      errors: both,
    },
    {
      name: 'the function is exported under another name',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX },
      code: migrate().replace('module.exports = { checkColumns, findRows, boot };', 'module.exports = { checkColumns, list: findRows, boot };'),
      errors: e,
    },
    {
      name: 'its own file hands the function on as a callback',
      fileName: FILE,
      files: { ...PACKAGE, '/p/server/index.js': INDEX },
      code: migrate('setImmediate(checkColumns);'),
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'a lone file (no project facts) keeps exported functions callable',
      fileName: FILE,
      code: migrate(),
      errors: both,
    },
    partialProject,
  ],
});
