import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Values that pass through a function before they reach SQL text, in this file or imported from another: a
// function whose every return is a literal (a `switch` that maps a setting to an operator) gives a constant;
// one that throws unless an anchored pattern keeping out SQL syntax matches, then returns the value, gives a
// validated one. A function that can return its input unchecked, checks with an unanchored pattern, or ignores
// its check's result, gives a value of unknown origin.

const ts = { languageId: 'typescript' as const, fileName: '/p/src/store.ts' };
const store = (call: string): string =>
  `import { checked } from './names'\nexport async function search(pool: any, value: string) {\n  return pool.query(\`SELECT * FROM "\${${call}}" LIMIT 1\`)\n}\n`;
// (a caller passes a value of unknown origin: an exported function nothing calls would never run)
const names = (body: string): Record<string, string> => ({
  '/p/src/names.ts': `export function checked(name: string): string {\n${body}\n}\n`,
  '/p/src/use.ts': "import { search } from './store'\nexport const run = (pool: any, value: string) => search(pool, value)\n",
});

runRuleTests(sqlConcatenation, {
  valid: [
    { ...ts, name: 'an imported function that throws unless an anchored allow-list pattern matches', files: names("  name = name.trim().toLowerCase()\n  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('invalid name')\n  return name"), code: store('checked(value)') },
    { ...ts, name: 'an imported function whose switch returns only literals', files: names("  switch (name) {\n    case 'cosine': return '<=>'\n    case 'inner': return '<#>'\n    default: throw new Error('unknown')\n  }"), code: store('checked(value)') },
    {
      ...ts,
      name: 'a getter of the class whose switch returns only literals',
      code: "export class Store {\n  constructor(private pool: any, private options: any) {}\n  get operator() {\n    switch (this.options.strategy) {\n      case 'cosine': return '<=>'\n      default: return '<->'\n    }\n  }\n  async near() {\n    return this.pool.query(`SELECT * FROM items ORDER BY embedding ${this.operator} $1`, [1])\n  }\n}\n",
    },
  ],
  invalid: [
    { ...ts, name: 'the switch can return its input', files: names("  switch (name) {\n    case 'cosine': return '<=>'\n    default: return name\n  }"), code: store('checked(value)'), errors: [{ messageId: 'concatenated', line: 3 }] },
    { ...ts, name: 'an unanchored pattern checks only a part of the value', files: names("  if (!/[a-z0-9_]+/.test(name)) throw new Error('invalid name')\n  return name"), code: store('checked(value)'), errors: [{ messageId: 'concatenated', line: 3 }] },
    { ...ts, name: 'the check runs but its result is ignored', files: names('  /^[a-z0-9_]+$/.test(name)\n  return name'), code: store('checked(value)'), errors: [{ messageId: 'concatenated', line: 3 }] },
  ],
});
