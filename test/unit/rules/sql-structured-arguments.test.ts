import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// An exported function that builds SQL from the parts of an array of objects its callers pass: when every
// caller in the project passes a structure whose every value is a constant or a model's table name, the SQL
// is built from constants; one caller passing request data, or a value of unknown origin, in any part keeps
// it flagged. A model's table name is one the program declares (`User.tableName`, `getModel().tableName`,
// entity metadata); a `tableName` read from anything else is not.

const TRIGGERS = '/p/src/lib/triggers.js';
const triggers =
  'export async function dropTriggers(sequelize, fn, tables) {\n' +
  '  const drops = tables.map(({ tableName, prefix }) => `DROP TRIGGER IF EXISTS ${prefix}_t ON "${tableName}";`).join("\\n");\n' +
  '  await sequelize.query(`${drops} DROP FUNCTION IF EXISTS ${fn}();`);\n}\n';
const worker = "import { dropTriggers } from './lib/triggers';\nconst FUNCTION_NAME = 'notify_exports';\nconst TABLES = [{ tableName: 'Exports', prefix: 'exports' }];\nexport const stop = () => dropTriggers(sequelize, FUNCTION_NAME, TABLES);\n";
const mapped = "import { dropTriggers } from '../lib/triggers';\nimport { Adapters } from './adapters';\nexport const stop = () => {\n  const tables = Object.values(Adapters).map((a) => ({ tableName: a.getModel().tableName, prefix: `search_${a.getModel().tableName}` }));\n  return dropTriggers(sequelize, 'notify_search', tables);\n};\n";

runRuleTests(sqlConcatenation, {
  valid: [
    { name: 'callers pass a constant array of object literals', fileName: TRIGGERS, files: { '/p/src/worker.js': worker }, code: triggers },
    { name: 'callers pass objects mapped from models, holding their table names', fileName: TRIGGERS, files: { '/p/src/worker.js': worker, '/p/src/search/sync.js': mapped }, code: triggers },
    { name: 'a constant array filtered before it is passed', fileName: TRIGGERS, files: { '/p/src/a.js': "import { dropTriggers } from './lib/triggers';\nconst BASE = [{ tableName: 'Users', prefix: 'u' }, { tableName: 'Orders', prefix: '' }];\ndropTriggers(db, 'f', BASE.filter((t) => t.prefix));\n" }, code: triggers },
    { name: 'a literal array written at the call, with a spread of a constant one', fileName: TRIGGERS, files: { '/p/src/a.js': "import { dropTriggers } from './lib/triggers';\nconst BASE = [{ tableName: 'Users', prefix: 'u' }];\ndropTriggers(db, 'f', [...BASE, { tableName: 'Orders', prefix: 'o' }]);\n" }, code: triggers },
    // a model's table name, in the file itself
    { code: "const { User } = require('./models');\nasync function count(sequelize) {\n  return sequelize.query(`SELECT count(*) FROM \"${User.tableName}\"`);\n}\nmodule.exports = { count };" },
    { code: "async function count(sequelize, repository) {\n  return sequelize.query(`SELECT count(*) FROM \"${repository.metadata.tableName}\" WHERE x = 1`);\n}\nmodule.exports = { count };" },
    { code: "async function count(sequelize, models) {\n  return sequelize.query(`SELECT count(*) FROM ${models.Order.getTableName()}`);\n}\nmodule.exports = { count };" },
  ],
  invalid: [
    {
      name: 'one caller among constant ones puts request data in a part of the structure',
      fileName: TRIGGERS,
      files: { '/p/src/worker.js': worker, '/p/src/routes.js': "import { dropTriggers } from './lib/triggers';\nexport const drop = (req, res) => dropTriggers(sequelize, 'f', [{ tableName: req.query.table, prefix: 'x' }]);\n" },
      code: triggers,
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'one caller passes objects built from a parameter of unknown origin',
      fileName: TRIGGERS,
      files: { '/p/src/worker.js': worker, '/p/src/admin.js': "import { dropTriggers } from './lib/triggers';\nexport const drop = (names) => dropTriggers(sequelize, 'f', names.map((n) => ({ tableName: n, prefix: n })));\n" },
      code: triggers,
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'a caller filters a constant array, then concatenates request data onto it',
      fileName: TRIGGERS,
      files: { '/p/src/worker.js': worker, '/p/src/admin.js': "import { dropTriggers } from './lib/triggers';\nconst BASE = [{ tableName: 'Users', prefix: 'u' }];\nexport const drop = (req) => dropTriggers(sequelize, 'f', BASE.filter((t) => t.prefix).concat(req.body.tables));\n" },
      code: triggers,
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'no caller in the project: the array stays of unknown origin',
      fileName: TRIGGERS,
      code: triggers,
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'a tableName read from request options is no model table name',
      code: "async function count(sequelize, options) {\n  return sequelize.query(`SELECT count(*) FROM \"${options.tableName}\"`);\n}\nmodule.exports = { count };",
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'a tableName read from the request body',
      code: "app.get('/c', (req, res) => sequelize.query(`SELECT count(*) FROM ${req.body.tableName}`));",
      errors: [{ messageId: 'identifier' }],
    },
  ],
});
