import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// A pass-through wrapper (`memoize(fn)`, `once(fn)`, or a project function returning `(...args) => fn(...args)`)
// hands every call it gets to the wrapped function with the same arguments: the wrapper's callers are the wrapped
// function's callers. And a caller that writes a nested object literal (`{ where: { id } }`) writes its keys: an
// option's keys turned into column names and named placeholders are constants then. A wrapper that gives other
// arguments, a nested key computed or spread from request data, or no caller at all leaves the keys unknown.

const QUERIES = '/p/src/queries.js';
const query = (wrapperImport: string, wrapping: string): string =>
  "import sequelize from './sequelize';\n" +
  `${wrapperImport}\n` +
  'const byFilter = async ({ where = {}, limit = 0 }) => {\n' +
  '  const clause = Object.keys(where).reduce((sql, key) => `${sql} AND c."${key}" = :${key}`, "");\n' +
  '  return sequelize.query(`SELECT * FROM c WHERE TRUE ${clause} LIMIT ${limit}`, { replacements: where });\n};\n' +
  wrapping;
const projectMemoize = "import { memoize } from './cache';";
const cachedExport = 'const cachedByFilter = memoize(byFilter);\nexport default { cachedByFilter, byFilter };\n';
const forwardingCache =
  'export function memoize(func) {\n  const seen = new Map();\n  const memoized = async function (...args) {\n' +
  '    const key = JSON.stringify(args);\n    if (!seen.has(key)) seen.set(key, await func(...args));\n    return seen.get(key);\n  };\n  return memoized;\n}\n';
/** A class-field function in another file calling the wrapper through the module's default export. */
const modelCalling = (argument: string): string =>
  "import queries from './queries';\nexport class Account {\n" +
  `  spending = function (req) {\n    return queries.cachedByFilter(${argument});\n  };\n}\n`;
const project = (argument: string, cache = forwardingCache): Record<string, string> => ({ '/p/src/cache.js': cache, '/p/src/account.js': modelCalling(argument) });

runRuleTests(sqlConcatenation, {
  valid: [
    { name: 'a project memoize that forwards (...args), its only caller writing where: { id } and a numeric limit', fileName: QUERIES, files: project('{ where: { id: this.id }, limit: 1 }'), code: query(projectMemoize, cachedExport) },
    { name: 'lodash memoize, the caller writing nested keys', fileName: QUERIES, files: { '/p/src/account.js': modelCalling('{ where: { id: req.params.id, kind: "a" } }') }, code: query("import { memoize } from 'lodash';", cachedExport) },
    { name: "lodash's default export: _.once", fileName: QUERIES, files: { '/p/src/account.js': modelCalling('{ where: { slug: req.body.slug } }') }, code: query("import _ from 'lodash';", 'const cachedByFilter = _.once(byFilter);\nexport default { cachedByFilter };\n') },
    {
      name: 'export default memoize(fn), called from another file', fileName: QUERIES,
      files: { '/p/src/cache.js': forwardingCache, '/p/src/account.js': "import cached from './queries';\nexport const spending = (id) => cached({ where: { id }, limit: 1 });\n" },
      code: query(projectMemoize, 'export default memoize(byFilter);\n'),
    },
    { name: 'a wrapper in the same file, every call in sight', code: query("const memoize = require('lodash/memoize');", 'const cached = memoize(byFilter);\nmodule.exports.handler = (req) => cached({ where: { id: req.params.id }, limit: 10 });\n') },
    {
      name: 'no wrapper: an exported function whose callers in other files write the nested object', fileName: QUERIES,
      files: { '/p/src/account.js': "import { byFilter } from './queries';\nexport const one = (req) => byFilter({ where: { id: req.params.id } });\n" },
      code: query('', 'export { byFilter };\n'),
    },
  ],
  invalid: [
    {
      name: 'a project wrapper that calls the function with arguments of its own, not the ones it gets', fileName: QUERIES,
      files: project('{ where: { id: this.id } }', 'export function memoize(func) {\n  return async (req) => func({ where: req.query });\n}\n'),
      code: query(projectMemoize, cachedExport), errors: [{ messageId: 'concatenated', line: 5 }],
    },
    { name: 'the nested object spreads request data', fileName: QUERIES, files: project('{ where: { id: this.id, ...req.query } }'), code: query(projectMemoize, cachedExport), errors: [{ messageId: 'concatenated', line: 5 }] },
    { name: 'the nested object computes a key from request data', fileName: QUERIES, files: project('{ where: { [req.query.column]: 1 } }'), code: query(projectMemoize, cachedExport), errors: [{ messageId: 'concatenated', line: 5 }] },
    { name: 'a spread after the nested object may replace it', fileName: QUERIES, files: project('{ where: { id: 1 }, ...req.body }'), code: query(projectMemoize, cachedExport), errors: [{ messageId: 'fromCaller', line: 5 }] },
    { name: 'the caller passes the request query as the nested object', fileName: QUERIES, files: project('{ where: req.query }'), code: query(projectMemoize, cachedExport), errors: [{ messageId: 'concatenated', line: 5 }] },
    {
      name: 'no caller of the wrapper in the project', fileName: QUERIES, files: { '/p/src/cache.js': forwardingCache, '/p/src/other.js': 'export const x = 1;\n' },
      code: query(projectMemoize, cachedExport), errors: [{ messageId: 'concatenated', line: 5 }],
    },
    {
      name: 'a package call that is no pass-through wrapper (it may call the function with anything)', fileName: QUERIES,
      files: { '/p/src/account.js': modelCalling('{ where: { id: this.id } }') },
      code: query("import { register } from 'job-queue';", 'const cachedByFilter = register(byFilter);\nexport default { cachedByFilter };\n'), errors: [{ messageId: 'concatenated', line: 5 }],
    },
    {
      name: 'the wrapper wraps another function: the query function itself is handed out unseen', fileName: QUERIES,
      files: { '/p/src/account.js': modelCalling('{ where: { id: this.id } }') },
      code: query("import { memoize } from 'lodash';", 'const other = (x) => x;\nconst cachedByFilter = memoize(other);\nexport const handlers = [byFilter];\nexport default { cachedByFilter };\n'), errors: [{ messageId: 'concatenated', line: 5 }],
    },
  ],
});
