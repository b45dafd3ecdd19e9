import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// The keys of an object every caller writes as a literal are constants, whatever its values hold: code that
// turns them into column names and named placeholders (`"${key}" = :${key}`, the values bound separately) builds
// its SQL from constants. Folding such keys with `.reduce()` keeps them constant. A spread, a computed key, a
// caller passing an object it did not write, or no caller at all, leaves the keys of unknown origin.

const byFields =
  "import sequelize from './sequelize';\n" +
  'const byFields = async ({ where = {}, limit = 0 }) => {\n' +
  '  const clause = Object.keys(where).reduce((sql, key) => `${sql} AND c."${key}" = :${key}`, "");\n' +
  '  return sequelize.query(`SELECT * FROM c WHERE TRUE ${clause} LIMIT ${limit}`, { replacements: where });\n};\n';
const countBy =
  "import sequelize from './sequelize';\n" +
  'export async function countBy(where) {\n' +
  '  const clause = Object.keys(where).map((k) => `"${k}" = :${k}`).join(" AND ");\n' +
  '  return sequelize.query(`SELECT count(*) FROM t WHERE ${clause}`, { replacements: where });\n}\n';
const COUNT = '/p/src/count.js';
const calling = (call: string): Record<string, string> => ({ '/p/src/a.js': "import { countBy } from './count';\nexport const a = () => countBy({ owner: 1 });\n", '/p/src/b.js': `import { countBy } from './count';\nexport const b = (req) => ${call};\n` });

runRuleTests(sqlConcatenation, {
  valid: [
    { name: 'keys of a destructured option that every caller in the file writes, folded with reduce', code: `${byFields}export const one = (id) => byFields({ where: { id }, limit: 1 });\nexport const all = () => byFields({});\n` },
    { name: 'callers in other files write the object, its values from the request', fileName: COUNT, files: calling('countBy({ owner: req.query.owner, kind: req.query.kind })'), code: countBy },
    { name: 'a const object literal', code: "const FILTER = { status: 'open', kind: 'a' };\nconst clause = Object.keys(FILTER).map((k) => `${k} = :${k}`).join(' AND ');\nsequelize.query(`SELECT * FROM t WHERE ${clause}`, { replacements: FILTER });" },
    { name: 'reduce over constants with a constant start', code: "const clause = ['a', 'b'].reduce((sql, c) => sql + ` AND ${c} IS NOT NULL`, 'TRUE');\ndb.query(`SELECT * FROM t WHERE ${clause}`);" },
  ],
  invalid: [
    { name: 'a caller spreads request data into the object', fileName: COUNT, files: calling('countBy({ ...req.query })'), code: countBy, errors: [{ messageId: 'concatenated', line: 4 }] },
    { name: 'a caller passes the request query itself', fileName: COUNT, files: calling('countBy(req.query)'), code: countBy, errors: [{ messageId: 'concatenated', line: 4 }] },
    { name: 'a caller computes a key', fileName: COUNT, files: calling('countBy({ [req.query.column]: 1 })'), code: countBy, errors: [{ messageId: 'concatenated', line: 4 }] },
    { name: 'no caller in the project, but another file names the function: a caller may be out of sight', fileName: COUNT, files: { '/p/src/a.js': 'export const x = (m) => m.countBy;\n' }, code: countBy, errors: [{ messageId: 'concatenated', line: 4 }] },
    { name: 'reduce that adds the values, not the keys', code: "function f(where) {\n  const clause = Object.keys(where).reduce((sql, k) => `${sql} AND ${k} = ${where[k]}`, '');\n  return db.query(`SELECT * FROM t WHERE TRUE ${clause}`);\n}\nf({ id: req.query.id });", errors: [{ messageId: 'concatenated', line: 3 }] },
    { name: 'reduce over request data', code: "const clause = req.query.cols.reduce((sql, c) => `${sql}, ${c}`, 'id');\ndb.query(`SELECT ${clause} FROM t`);", errors: [{ messageId: 'identifier', line: 2 }] },
  ],
});
