import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// A parameter of a function other files call is followed to every call in the project: when all of them pass
// constants or quoted values, the SQL built from it is not flagged; when one passes request data, the finding
// says which caller does; when a caller is out of sight (a callback, a whole module handed on) or none is seen,
// the parameter stays of unknown value, as without project facts.

const HELPER = '/p/src/db/helpers.js';
const e = [{ messageId: 'concatenated' }];

const truncate = "const knex = require('../knex');\nfunction truncated(column) {\n  return knex.raw(`date_trunc('hour', ${column})`);\n}\nmodule.exports = { truncated };\n";
const countRows = "const db = require('./pool');\nexport async function countRows(owner) {\n  return db.query(`SELECT count(*) FROM items WHERE owner = '${owner}'`);\n}\n";

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'no caller in the project and no file names the function (its module imported for other things): it never runs',
      fileName: '/p/src/db/count.js',
      files: { '/p/src/a.js': "import './db/count';\nexport const x = 1;\n" },
      code: countRows,
    },
    {
      name: 'exported helper: every caller in the project passes a literal column',
      fileName: HELPER,
      files: { '/p/src/stats.js': "const { truncated } = require('./db/helpers');\ntruncated('created_at');\n", '/p/src/visits.js': "const h = require('./db/helpers');\nh.truncated('visited_at');\n" },
      code: truncate,
    },
    {
      name: 'ES export: callers pass a constant, a CONSTANT_CASE name and a quoted identifier',
      fileName: '/p/src/db/count.js',
      files: {
        '/p/src/a.js': "import { countRows } from './db/count';\ncountRows('users');\n",
        '/p/src/b.js': "import { countRows } from './db/count';\nconst TABLE = 'orders';\ncountRows(TABLE);\n",
        '/p/src/c.js': "import { countRows } from './db/count';\nimport { escapeId } from 'mysql2';\ncountRows(escapeId(name));\n",
      },
      code: countRows,
    },
    {
      name: 'a helper returned inside an object by an exported factory, reached through a re-exporting module with a spread',
      fileName: '/p/server/utils/knex.js',
      files: {
        '/p/server/utils/index.js': "module.exports = require('./utils');\n",
        '/p/server/utils/utils.js': "const knexUtils = require('./knex');\nconst sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nmodule.exports = { sleep, ...knexUtils };\n",
        '/p/server/queries/visit.js': "const utils = require('../utils');\nfunction stats(trx) {\n  return utils.knexUtils(trx).truncatedTimestamp('created_at', 'hour');\n}\nmodule.exports = { stats };\n",
      },
      code: "function knexUtils(knex) {\n  function truncatedTimestamp(columnName, precision = 'hour') {\n    return knex.raw(`date_trunc(?, ${columnName})`, [precision]);\n  }\n  return { truncatedTimestamp };\n}\nmodule.exports = { knexUtils };\n",
    },
    {
      name: 'a property of an options parameter: the only caller writes it as a literal after spreading request arguments',
      fileName: '/p/src/lib/queries.js',
      files: { '/p/src/graphql/hosts.js': "import queries from '../lib/queries';\nexport const resolve = (_, args) => queries.getHosts({ ...args, orderBy: 'collectives', orderDirection: 'DESC' });\n" },
      code: "import sequelize from './sequelize';\nconst getHosts = async (args) => sequelize.query(`SELECT * FROM hosts ORDER BY ${args.orderBy} ${args.orderDirection}`);\nexport default { getHosts };\n",
    },
    {
      name: 'a destructured parameter: callers pass constant properties',
      fileName: '/p/src/db/triggers.js',
      files: { '/p/src/worker.js': "import { dropTrigger } from './db/triggers';\nconst FUNCTION_NAME = 'notify_change';\ndropTrigger({ name: FUNCTION_NAME, table: 'Exports' });\n" },
      code: "import sequelize from '../sequelize';\nexport async function dropTrigger({ name, table }) {\n  await sequelize.query(`DROP TRIGGER IF EXISTS ${name} ON \"${table}\"`);\n}\n",
    },
    {
      name: 'called in its own file and from another file, always with constants',
      fileName: HELPER,
      files: { '/p/src/stats.js': "const { truncated } = require('./db/helpers');\ntruncated('created_at');\n" },
      code: `${truncate}truncated('updated_at');\n`,
    },
  ],
  invalid: [
    {
      name: 'a caller in another file passes request data: the finding names it, with the call as a related location',
      fileName: HELPER,
      files: {
        '/p/src/stats.js': "const { truncated } = require('./db/helpers');\ntruncated('created_at');\n",
        '/p/src/routes.js': "const { truncated } = require('./db/helpers');\nmodule.exports = (req, res) => res.json(truncated(req.query.column));\n",
      },
      code: truncate,
      errors: [{ messageId: 'fromCaller', messageIncludes: ['routes.js', 'req.query.column'], related: [{ line: 2, messageIncludes: 'request data' }] }],
    },
    {
      name: 'a caller passes a value of unknown origin: flagged as before, the call shown as a related location',
      fileName: '/p/src/db/count.js',
      files: { '/p/src/a.js': "import { countRows } from './db/count';\nexport function count(name) {\n  return countRows(name);\n}\n" },
      code: countRows,
      errors: [{ messageId: 'concatenated', related: [{ line: 3, messageIncludes: 'unknown origin' }] }],
    },
    {
      name: 'no caller in the project, but another file names the function: the exported parameter stays unknown',
      fileName: '/p/src/db/count.js',
      files: { '/p/src/a.js': "export const x = (m) => m.countRows;\n" },
      code: countRows,
      errors: e,
    },
    {
      name: 'handed on as a callback somewhere: its callers are out of sight',
      fileName: '/p/src/db/count.js',
      files: {
        '/p/src/a.js': "import { countRows } from './db/count';\ncountRows('users');\n",
        '/p/src/b.js': "import { countRows } from './db/count';\nexport const all = (tables) => tables.map(countRows);\n",
      },
      code: countRows,
      errors: e,
    },
    {
      name: 'its whole module handed on: callers are out of sight',
      fileName: '/p/src/db/count.js',
      files: {
        '/p/src/a.js': "import { countRows } from './db/count';\ncountRows('users');\n",
        '/p/src/b.js': "import * as count from './db/count';\nregister(count);\n",
      },
      code: countRows,
      errors: e,
    },
    {
      name: 'a property of an options parameter: a caller passes it from the request',
      fileName: '/p/src/lib/queries.js',
      files: { '/p/src/graphql/hosts.js': "import queries from '../lib/queries';\nexport const hosts = {\n  resolve: (_, args) => queries.getHosts({ orderBy: args.orderBy }),\n};\n" },
      code: "import sequelize from './sequelize';\nconst getHosts = async (args) => sequelize.query(`SELECT * FROM hosts ORDER BY ${args.orderBy}`);\nexport default { getHosts };\n",
      errors: [{ messageId: 'fromCaller', messageIncludes: ['graphql/hosts.js', 'args.orderBy'] }],
    },
    {
      name: 'a request handler is called by the framework, whatever the project\'s own calls of it pass',
      fileName: '/p/src/handlers.js',
      files: { '/p/src/warm.js': "const { list } = require('./handlers');\nconst WARM_UP = { query: { sort: 'name' } };\nlist(WARM_UP, {});\n" },
      code: "const db = require('./pool');\nfunction list(req, res) {\n  return db.query(`SELECT * FROM items ORDER BY ${req.query.sort}`);\n}\nmodule.exports = { list };\n",
      errors: [{ messageId: 'identifier' }],
    },
    {
      name: 'a Next.js API handler is called by the framework, whatever the project\'s own calls of it pass',
      fileName: '/p/pages/api/items.js',
      files: { '/p/lib/warm.js': "import handler from '../pages/api/items';\nhandler('name');\n" },
      code: "import db from '../../lib/db';\nexport default async function handler(sort) {\n  return db.query(`SELECT * FROM items ORDER BY ${sort}`);\n}\n",
      errors: [{ messageId: 'identifier' }],
    },
    {
      name: 'without project facts an exported helper keeps today\'s verdict',
      code: countRows,
      errors: e,
    },
  ],
});
