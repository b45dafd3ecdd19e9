import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// A function another project file defines and returns text from is read through what it returns: text made
// of constants and quoted values except for parts of its parameters (`ifStr(cond, fragment)` returns its
// second parameter or ''). A call of it is then as safe as the arguments for those parts, so a template
// that splices `ifStr(x, 'AND a = :a')` holds constants, and one that splices `ifStr(x, req.query.q)` names it.

const UTILS = { '/p/src/lib/utils.js': "export const ifStr = (condition, expression) => (condition ? expression : '');\nexport const parseToBoolean = (v) => v === 'true';\n" };
const BUILDERS = {
  '/p/src/lib/helpers.ts': "import { literal } from 'pg-format';\nexport const filterByList = (include?: string[], exclude?: string[]) => {\n  if (include?.length) {\n    return `IN (${include.map(literal).join(',')})`;\n  } else if (exclude?.length) {\n    return `NOT IN (${exclude.map(literal).join(',')})`;\n  }\n  return '';\n};\n",
  '/p/src/lib/sql/tables.sql.ts': "import { literal } from 'pg-format';\nexport const TABLES_SQL = (props: { schemaFilter?: string; limit?: number }) => `\nSELECT * FROM pg_class c\nWHERE ${props.schemaFilter ? `c.relnamespace ${props.schemaFilter} AND` : ''} true\n${props.limit ? `limit ${literal(props.limit)}` : ''}`;\n",
};
const TABLES = "import { filterByList } from './helpers';\nimport { TABLES_SQL } from './sql/tables.sql';\nexport default class Tables {\n  constructor(private query: (sql: string) => Promise<unknown>) {}\n  async list({ includedSchemas, limit }: { includedSchemas?: string[]; limit?: number } = {}) {\n    const schemaFilter = filterByList(includedSchemas);\n    return await this.query(enriched({ schemaFilter, limit }));\n  }\n}\nconst enriched = ({ schemaFilter, limit }: { schemaFilter?: string; limit?: number }) => `with tables as (${TABLES_SQL({ schemaFilter, limit })}) select * from tables`;\n";

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'a property of an object a local function returns: its placeholder-only fragment',
      languageId: 'typescript',
      code: "export const conditions = (term: string, table?: string) => {\n  let sql = '';\n  let clean = '';\n  const field = (f: string) => (table ? `${table}.\"${f}\"` : `\"${f}\"`);\n  if (term.length > 0) {\n    clean = term.trim();\n    sql = `AND ${field('slug')} ILIKE :clean`;\n  }\n  return { sql, clean };\n};\nexport async function search(args: { term: string }) {\n  const c = conditions(args.term);\n  return sequelize.query(`SELECT * FROM t WHERE true ${c.sql}`, { replacements: { clean: c.clean } });\n}\n",
    },
    {
      name: 'ifStr(cond, literal): the fragment is a constant, whatever the condition',
      fileName: '/p/src/lib/security.js',
      files: UTILS,
      code: "import sequelize from './sequelize';\nimport { ifStr } from './utils';\nexport const count = (interval) => sequelize.query(`SELECT count(*) FROM orders o WHERE true ${ifStr(interval, 'AND o.\"createdAt\" >= NOW() - :interval::interval')}`, { replacements: { interval } });\n",
    },
    {
      name: 'ifStr through a local thunk that calls its argument when it is a function: a literal fragment stays constant',
      fileName: '/p/src/lib/security.js',
      files: { '/p/src/lib/utils.js': "const thunk = (v) => (typeof v === 'function' ? v() : v);\nexport const ifStr = (condition, yes, no = undefined) => (condition ? thunk(yes) : thunk(no) || '');\n" },
      code: "import sequelize from './sequelize';\nimport { ifStr } from './utils';\nexport const count = (interval) => sequelize.query(`SELECT count(*) FROM orders o WHERE true ${ifStr(interval, 'AND o.created >= NOW() - :interval::interval')}`);\n",
    },
    {
      name: 'a builder from another file whose text is made of its parameter\'s parts, given quoted filters built by another helper',
      fileName: '/p/src/lib/Tables.ts',
      languageId: 'typescript',
      files: BUILDERS,
      code: TABLES,
    },
  ],
  invalid: [
    {
      name: 'a property of an object a local function returns: request data it carries',
      languageId: 'typescript',
      code: "export const conditions = (term: string, table?: string) => {\n  let sql = '';\n  let clean = '';\n  const field = (f: string) => (table ? `${table}.\"${f}\"` : `\"${f}\"`);\n  if (term.length > 0) {\n    clean = term.trim();\n    sql = `AND ${field('slug')} ILIKE :clean`;\n  }\n  return { sql, clean };\n};\nexport async function search(args: { term: string }) {\n  const c = conditions(args.term);\n  return sequelize.query(`SELECT * FROM t WHERE name = '${c.clean}'`);\n}\n",
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'ifStr through a thunk given a function: what the function returns is unknown',
      fileName: '/p/src/lib/security.js',
      files: { '/p/src/lib/utils.js': "const thunk = (v) => (typeof v === 'function' ? v() : v);\nexport const ifStr = (condition, yes) => (condition ? thunk(yes) : '');\n" },
      code: "import sequelize from './sequelize';\nimport { ifStr } from './utils';\nexport const count = (req) => sequelize.query(`SELECT count(*) FROM orders WHERE true ${ifStr(req.query.on, () => req.query.on)}`);\n",
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'ifStr(cond, request data): the request data is named',
      fileName: '/p/src/lib/security.js',
      files: UTILS,
      code: "import sequelize from './sequelize';\nimport { ifStr } from './utils';\nexport const search = (req) => sequelize.query(`SELECT * FROM orders WHERE true ${ifStr(req.query.q, `AND name = '${req.query.q}'`)}`);\n",
      errors: [{ messageId: 'concatenated', messageIncludes: ['req.query.q'] }],
    },
    {
      name: 'a builder given a filter from the request: the filter is named',
      fileName: '/p/src/lib/Tables.ts',
      languageId: 'typescript',
      files: BUILDERS,
      code: "import { TABLES_SQL } from './sql/tables.sql';\nexport const list = (db: { query(sql: string): unknown }, req: { query: { schema: string } }) => db.query(`with t as (${TABLES_SQL({ schemaFilter: `= '${req.query.schema}'` })}) select * from t`);\n",
      errors: [{ messageId: 'concatenated', messageIncludes: ['req.query.schema'] }],
    },
  ],
});
